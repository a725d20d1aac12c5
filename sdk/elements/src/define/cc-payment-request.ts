// The provider first: its context must be listening before the request asks for it.
import './cc-provider.js';
// Shown inline when the customer has no payment method yet.
import './cc-payment-method-form.js';
import { CcPaymentRequest } from '../components/payment-request/payment-request.js';
import { define } from '../internal/define.js';

define('cc-payment-request', CcPaymentRequest);

declare global {
  interface HTMLElementTagNameMap {
    'cc-payment-request': CcPaymentRequest;
  }
}
