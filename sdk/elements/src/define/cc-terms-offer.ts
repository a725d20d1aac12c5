// The provider first: its context must be listening before an offer asks for it.
import './cc-provider.js';
import { CcTermsOffer } from '../components/terms-offer/terms-offer.js';
import { define } from '../internal/define.js';

define('cc-terms-offer', CcTermsOffer);

declare global {
  interface HTMLElementTagNameMap {
    'cc-terms-offer': CcTermsOffer;
  }
}
