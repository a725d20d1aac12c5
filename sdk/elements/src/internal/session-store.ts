import type { CustomerSession } from './customer-api.js';

/**
 * The customer session of this page, shared by every element: the credit application
 * puts the session it gets here, and `<cc-terms-offer>` (and later the wallet) read it.
 * Kept in memory only; an expired session reads as none. Fires `change` on every change.
 */
export class SessionStore extends EventTarget {
  #session?: CustomerSession | undefined;

  get session(): CustomerSession | undefined {
    const session = this.#session;
    if (session && Date.parse(session.expiresAt) <= Date.now()) return undefined;
    return session;
  }

  set(session: CustomerSession | undefined): void {
    this.#session = session;
    this.dispatchEvent(new Event('change'));
  }

  clear(): void {
    this.set(undefined);
  }
}

export const sessionStore = new SessionStore();
