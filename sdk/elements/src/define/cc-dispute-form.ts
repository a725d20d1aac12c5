// The provider first: its context must be listening before the form asks for it.
import './cc-provider.js';
import { CcDisputeForm } from '../components/dispute-form/dispute-form.js';
import { define } from '../internal/define.js';

define('cc-dispute-form', CcDisputeForm);

declare global {
  interface HTMLElementTagNameMap {
    'cc-dispute-form': CcDisputeForm;
  }
}
