// Helpers of the wallet elements' tests: seeding the mock API's wallet (test/mock/wallet.js)
// and putting a wallet link in the page's address as a notice email would.
import { customerSessions, resetUrlLinkToken } from '../src/internal/customer-session.js';
import { sessionStore } from '../src/internal/session-store.js';
import type { WalletInvoice, WalletPaymentMethod, WalletPaymentRequest } from '../src/internal/wallet-api.js';

export const walletKeys = {
  valid: 'pk_test_northwind', // USD; partial payments: 25 % by default, 50 % by card
  locked: 'pk_test_locked', // Acme Fasteners, EUR
  themed: 'pk_test_branded', // theme hints: yellow primary, 12px radius, Georgia
};

export const testCards = {
  ok: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
};
export const testAch = { ok: '000123456789', closed: '000111111113' };

export interface SeedSpec {
  email?: string;
  terms?: { netDays: number; creditLimit: number; currency: string } | null;
  invoices?: Array<Partial<WalletInvoice> & { amount: number }>;
  requests?: Array<{
    amount?: number;
    invoice?: number;
    status?: string;
    minimumPercent?: number;
    memo?: string;
    paidAmount?: number;
  }>;
  methods?: Array<{ type: 'card'; number?: string } | { type: 'ach'; accountNumber?: string }>;
}

export interface Seeded {
  linkToken: string;
  session: { token: string; expiresAt: string };
  contact: { id: string; email: string; companyName: string };
  invoices: WalletInvoice[];
  requests: WalletPaymentRequest[];
  methods: WalletPaymentMethod[];
}

async function post<T>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const walletMock = {
  seed: (publishableKey: string, spec: SeedSpec = {}) => post<Seeded>('/__mock/wallet', { publishableKey, ...spec }),
  expireLink: (token: string) => post(`/__mock/wallet/links/${token}/expire`),
  expireSession: (token: string) => post(`/__mock/wallet/sessions/${token}/expire`),
  patchInvoice: (id: string, patch: Partial<WalletInvoice>) =>
    post<WalletInvoice>(`/__mock/wallet/invoices/${id}`, patch),
  freshLinks: async () => (await (await fetch('/__mock/wallet/fresh-links')).json()) as Array<{ email: string }>,
};

/** The sessionStorage key of the test server's session. */
export const sessionKey = () => `cc-customer-session:${location.origin}`;

/**
 * Puts the token in the address as a wallet link would (`#cc_token=`; `query`: the `?cc_token=`
 * form of links sent before), with a query parameter and a fragment part that must survive.
 */
export function openWalletLink(linkToken: string, form: 'fragment' | 'query' = 'fragment'): void {
  const url = new URL(location.href);
  url.searchParams.set('utm_source', 'notice');
  if (form === 'query') url.searchParams.set('cc_token', linkToken);
  else url.hash = `section=invoices&cc_token=${linkToken}`;
  history.replaceState(history.state, '', url.href);
  resetUrlLinkToken();
}

/** A clean tab: no session in memory or sessionStorage, no link in the address. */
export function forgetSessions(): void {
  sessionStorage.removeItem(sessionKey());
  customerSessions.forgetMemory();
  sessionStore.clear();
  const url = new URL(location.href);
  url.searchParams.delete('cc_token');
  url.searchParams.delete('utm_source');
  url.hash = '';
  history.replaceState(history.state, '', url.href);
  resetUrlLinkToken();
}

/** Stores `token` as the tab's session, as an earlier page load would have. */
export function storeSession(token: string): void {
  sessionStorage.setItem(
    sessionKey(),
    JSON.stringify({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
  );
  customerSessions.forgetMemory();
  sessionStore.clear();
}
