import { CcProvider } from '../components/provider/provider.js';
import { define } from '../internal/define.js';

define('cc-provider', CcProvider);

declare global {
  interface HTMLElementTagNameMap {
    'cc-provider': CcProvider;
  }
}
