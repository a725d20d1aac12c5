// The provider first: its context must be listening before the form asks for it.
import './cc-provider.js';
import { CcPaymentMethodForm } from '../components/payment-method-form/payment-method-form.js';
import { define } from '../internal/define.js';

define('cc-payment-method-form', CcPaymentMethodForm);

declare global {
  interface HTMLElementTagNameMap {
    'cc-payment-method-form': CcPaymentMethodForm;
  }
}
