import { ApiClient } from './api-client.js';
import { CcApiError } from './api-error.js';
import type { LinkSessionAnswer } from './wallet-api.js';

/**
 * Where the page's customer stands with one API:
 * - `none`: no link and no session (the customer has to open their emailed link);
 * - `exchanging`: a link token is being exchanged for a session;
 * - `active`: a session (`cs_...`) to act with;
 * - `expired`: the session or link ran out or was revoked (the API said 401);
 * - `failed`: the exchange could not be made (`network_error`, …); it can be retried.
 */
export type CustomerSessionState = 'none' | 'exchanging' | 'active' | 'expired' | 'failed';

export interface CustomerSessionEntry {
  state: CustomerSessionState;
  /** Present when `active`. */
  token?: string;
  expiresAt?: string;
  /** The contact's email once known (from the link exchange or the wallet): where a fresh link goes. */
  email?: string;
  /** Why the state is `expired` or `failed`. */
  error?: CcApiError;
}

/** What is kept in the tab's sessionStorage, by API base: never a link token, never localStorage. */
interface Stored {
  token?: string;
  expiresAt?: string;
  email?: string;
  expired?: boolean;
}

/** Sessions slide: the API keeps a customer session for an hour from its last use. */
const slidingMs = 3600_000;
const storageKey = (apiBase: string) => `cc-customer-session:${apiBase}`;

/**
 * The customer session of this page for each API base, shared by every wallet element:
 * exchanges a wallet link token (`cc_token`) for a session once, keeps it in memory and in
 * the tab's `sessionStorage` (a reload keeps the customer in; closing the tab forgets it),
 * and remembers when the API said it expired. Fires `change` on every change.
 */
export class CustomerSessions extends EventTarget {
  readonly #storage: () => Storage | undefined;
  readonly #entries = new Map<string, CustomerSessionEntry>();
  readonly #exchanges = new Map<string, Promise<void>>();
  /** Link tokens already answered (with a session or a 401): never exchanged twice. */
  readonly #settled = new Set<string>();
  /** Session tokens the API refused: never adopted again. */
  readonly #ended = new Set<string>();

  constructor(storage: () => Storage | undefined = () => globalThis.sessionStorage) {
    super();
    this.#storage = storage;
  }

  /** The state for `apiBase`, read from sessionStorage the first time. */
  get(apiBase: string): CustomerSessionEntry {
    let entry = this.#entries.get(apiBase);
    if (!entry) {
      entry = fromStored(this.#read(apiBase));
      this.#entries.set(apiBase, entry);
    }
    return entry;
  }

  /**
   * Exchanges `linkToken` for a session (`POST /v1/customer/sessions`, without any other
   * credential). One exchange per token at a time; a link always replaces the session held,
   * which may belong to another contact. Resolves when done; failures land in the state.
   */
  exchange(apiBase: string, linkToken: string, fetchFn?: typeof fetch): Promise<void> {
    const id = `${apiBase} ${linkToken}`;
    const running = this.#exchanges.get(id);
    if (running) return running;
    if (this.#settled.has(id)) return Promise.resolve();
    const email = this.get(apiBase).email;
    this.#set(apiBase, { state: 'exchanging', ...(email ? { email } : {}) });
    const client = new ApiClient({ apiBase, ...(fetchFn ? { fetch: fetchFn } : {}) });
    const exchange = client
      .post<LinkSessionAnswer>('/v1/customer/sessions', { linkToken })
      .then(
        (answer) => {
          this.#settled.add(id);
          const known = answer.contact?.email ?? undefined;
          this.#set(apiBase, {
            state: 'active',
            token: answer.token,
            expiresAt: answer.expiresAt,
            ...(known ? { email: known } : {}),
          });
        },
        (error: unknown) => {
          const apiError = error instanceof CcApiError ? error : CcApiError.network(error);
          // A dead link is an expired session for the customer: both end in "email me a fresh link".
          const state = apiError.status === 401 ? 'expired' : 'failed';
          if (state === 'expired') this.#settled.add(id);
          this.#set(apiBase, { state, error: apiError, ...(email ? { email } : {}) });
        },
      )
      .finally(() => this.#exchanges.delete(id));
    this.#exchanges.set(id, exchange);
    return exchange;
  }

  /** True once `linkToken` was answered for `apiBase` (a session, or a 401). */
  settled(apiBase: string, linkToken: string): boolean {
    return this.#settled.has(`${apiBase} ${linkToken}`);
  }

  /** Uses a session the page got elsewhere (a `session-token` attribute, the credit application). */
  adopt(apiBase: string, token: string, expiresAt?: string): void {
    const entry = this.get(apiBase);
    if ((entry.state === 'active' && entry.token === token) || this.#ended.has(token)) return;
    this.#set(apiBase, {
      state: 'active',
      token,
      ...(expiresAt ? { expiresAt } : {}),
      ...(entry.email ? { email: entry.email } : {}),
    });
  }

  /** A request with the session succeeded: the API slid its expiry forward. */
  touch(apiBase: string): void {
    const entry = this.get(apiBase);
    if (entry.state !== 'active') return;
    const expiresAt = new Date(Date.now() + slidingMs).toISOString();
    if (entry.expiresAt && Date.parse(expiresAt) - Date.parse(entry.expiresAt) < 60_000) return;
    this.#set(apiBase, { ...entry, expiresAt }, false);
  }

  /** The contact's email, for a fresh link later. */
  rememberEmail(apiBase: string, email: string): void {
    const entry = this.get(apiBase);
    if (entry.email === email) return;
    this.#set(apiBase, { ...entry, email }, false);
  }

  /** The API answered 401 with `token`: the session is over (expired, revoked). */
  expire(apiBase: string, error: CcApiError, token?: string): void {
    const entry = this.get(apiBase);
    // A late 401 for an older session must not end the newer one.
    if (token && entry.token && entry.token !== token) return;
    const ended = token ?? entry.token;
    if (ended) this.#ended.add(ended);
    this.#set(apiBase, { state: 'expired', error, ...(entry.email ? { email: entry.email } : {}) });
  }

  /** Forgets the memory copies (the next `get` reads sessionStorage again), as a reload would. For tests. */
  forgetMemory(): void {
    this.#entries.clear();
    this.#settled.clear();
  }

  #set(apiBase: string, entry: CustomerSessionEntry, notify = true): void {
    this.#entries.set(apiBase, entry);
    this.#write(apiBase, entry);
    if (notify) this.dispatchEvent(new Event('change'));
  }

  #read(apiBase: string): Stored | undefined {
    try {
      const text = this.#storage()?.getItem(storageKey(apiBase));
      return text ? (JSON.parse(text) as Stored) : undefined;
    } catch {
      // Storage blocked (privacy settings, sandboxed frames) or garbled: memory only.
      return undefined;
    }
  }

  #write(apiBase: string, entry: CustomerSessionEntry): void {
    const stored: Stored = {};
    if (entry.state === 'active' && entry.token) {
      stored.token = entry.token;
      if (entry.expiresAt) stored.expiresAt = entry.expiresAt;
    }
    if (entry.state === 'expired') stored.expired = true;
    if (entry.email) stored.email = entry.email;
    try {
      const storage = this.#storage();
      if (!storage) return;
      if (Object.keys(stored).length === 0) storage.removeItem(storageKey(apiBase));
      else storage.setItem(storageKey(apiBase), JSON.stringify(stored));
    } catch {
      // Quota or blocked storage: the session still lives in memory for this page.
    }
  }
}

function fromStored(stored: Stored | undefined): CustomerSessionEntry {
  const email = typeof stored?.email === 'string' ? { email: stored.email } : {};
  if (typeof stored?.token === 'string' && stored.token) {
    return {
      state: 'active',
      token: stored.token,
      ...(typeof stored.expiresAt === 'string' ? { expiresAt: stored.expiresAt } : {}),
      ...email,
    };
  }
  if (stored?.expired) return { state: 'expired', ...email };
  return { state: 'none', ...email };
}

/** The page's customer sessions. */
export const customerSessions = new CustomerSessions();

let urlLinkToken: string | undefined;

/** `cc_token=` in a fragment, after its start, a `?` (hash routes: `#/account?cc_token=`) or a `&`. */
const FRAGMENT_TOKEN = /(^|[?&])cc_token=([^&]*)&?/;

/** Takes `cc_token` out of the URL's fragment (keeping the rest of it); its value, if it held one. */
function takeFromFragment(url: URL): string | undefined {
  const fragment = url.hash.slice(1);
  const found = FRAGMENT_TOKEN.exec(fragment);
  if (!found) return undefined;
  const rest = fragment.slice(0, found.index) + found[1] + fragment.slice(found.index + found[0].length);
  url.hash = rest.replace(/[?&]$/, '');
  try {
    return decodeURIComponent(found[2]!).trim();
  } catch {
    return undefined;
  }
}

/**
 * The wallet link token of the page's address, taken once: from the fragment (`#cc_token=`,
 * which no server, log or `Referer` sees), else from the query (`?cc_token=`, links sent before
 * the fragment form, valid until they expire). It is removed from the address bar at once with
 * `history.replaceState` (so it stays out of history, bookmarks and screenshots), other query
 * and fragment parts kept, and kept in memory for the exchange.
 */
export function takeUrlLinkToken(): string | undefined {
  if (urlLinkToken !== undefined) return urlLinkToken || undefined;
  urlLinkToken = '';
  let url: URL;
  try {
    url = new URL(location.href);
  } catch {
    return undefined;
  }
  const inFragment = takeFromFragment(url);
  const inQuery = url.searchParams.get('cc_token')?.trim();
  if (inQuery !== undefined) url.searchParams.delete('cc_token');
  const token = inFragment || inQuery;
  if (inFragment === undefined && inQuery === undefined) return undefined;
  try {
    history.replaceState(history.state, '', url.href);
  } catch {
    // A sandboxed document may refuse; the token is still used once.
  }
  if (!token) return undefined;
  urlLinkToken = token;
  return token;
}

/** Forgets the token taken from the address (the next call reads the address again). For tests. */
export function resetUrlLinkToken(): void {
  urlLinkToken = undefined;
}
