// The provider first: its context must be listening before the wallet asks for it.
import './cc-provider.js';
// The parts the wallet opens in place.
import './cc-dispute-form.js';
import './cc-payment-method-form.js';
import './cc-payment-request.js';
import { CcWallet } from '../components/wallet/wallet.js';
import { define } from '../internal/define.js';

define('cc-wallet', CcWallet);

declare global {
  interface HTMLElementTagNameMap {
    'cc-wallet': CcWallet;
  }
}
