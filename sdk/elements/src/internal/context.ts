import { createContext } from '@lit/context';
import type { ApiClient } from './api-client.js';
import type { CcApiError } from './api-error.js';
import type { PublicConfig } from './public-config.js';

export type ConfigStatus = 'loading' | 'ready' | 'error';

/** What `<cc-provider>` hands to the elements inside it. A new object on every change. */
export interface CcConfigContext {
  client: ApiClient;
  /** Present once `status` is `ready`. */
  config?: PublicConfig;
  locale: string;
  status: ConfigStatus;
  error?: CcApiError;
}

// A registry-wide key, so two copies of the SDK on one page still find each other's provider.
export const ccConfigContext = createContext<CcConfigContext>(Symbol.for('customerconnect.config'));
