// The provider first: its context must be listening before a credit app asks for it.
import './cc-provider.js';
import { CcCreditApp } from '../components/credit-app/credit-app.js';
import { define } from '../internal/define.js';

define('cc-credit-app', CcCreditApp);

declare global {
  interface HTMLElementTagNameMap {
    'cc-credit-app': CcCreditApp;
  }
}
