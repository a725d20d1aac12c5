import type { ConsoleMessages } from './messages.js';

/** The console's pages, addressed by the URL hash: `#/contacts`, `#/contacts/ct_…`, `#/settings/users`. */
export type PageName =
  | 'overview'
  | 'contacts'
  | 'contact'
  | 'invoices'
  | 'invoice'
  | 'invoice-new'
  | 'invoice-import'
  | 'payment-requests'
  | 'disputes'
  | 'dispute'
  | 'settings'
  | 'users'
  | 'api-keys'
  | 'webhooks'
  | 'embed'
  | 'not-found';

export interface Route {
  page: PageName;
  id?: string;
  /** Query parameters after the path: `#/invoices?contactId=ct_…`. */
  params: URLSearchParams;
}

export interface NavItem {
  href: string;
  /** The key of its label in the messages' `nav` (resolved at render, in the console's language). */
  label: keyof ConsoleMessages['nav'];
  /** The pages that light this item up. */
  pages: PageName[];
}

export const navItems: NavItem[] = [
  { href: '#/overview', label: 'overview', pages: ['overview'] },
  { href: '#/contacts', label: 'contacts', pages: ['contacts', 'contact'] },
  { href: '#/invoices', label: 'invoices', pages: ['invoices', 'invoice', 'invoice-new', 'invoice-import'] },
  { href: '#/payment-requests', label: 'paymentRequests', pages: ['payment-requests'] },
  { href: '#/disputes', label: 'disputes', pages: ['disputes', 'dispute'] },
  { href: '#/settings', label: 'settings', pages: ['settings', 'users', 'api-keys', 'webhooks'] },
  { href: '#/embed', label: 'embed', pages: ['embed'] },
];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  const [first, second] = parts;
  const withId = (page: PageName, id: string): Route => ({ page, id, params });
  switch (first) {
    case undefined:
    case 'overview':
      return { page: 'overview', params };
    case 'contacts':
      return second ? withId('contact', second) : { page: 'contacts', params };
    case 'invoices':
      if (second === 'new') return { page: 'invoice-new', params };
      if (second === 'import') return { page: 'invoice-import', params };
      return second ? withId('invoice', second) : { page: 'invoices', params };
    case 'payment-requests':
      return { page: 'payment-requests', params };
    case 'disputes':
      return second ? withId('dispute', second) : { page: 'disputes', params };
    case 'settings':
      if (second === 'users') return { page: 'users', params };
      if (second === 'api-keys') return { page: 'api-keys', params };
      if (second === 'webhooks') return { page: 'webhooks', params };
      return { page: 'settings', params };
    case 'embed':
      return { page: 'embed', params };
    default:
      return { page: 'not-found', params };
  }
}

/** Settings' own sub-navigation. */
export const settingsTabs: NavItem[] = [
  { href: '#/settings', label: 'company', pages: ['settings'] },
  { href: '#/settings/users', label: 'users', pages: ['users'] },
  { href: '#/settings/api-keys', label: 'apiKeys', pages: ['api-keys'] },
  { href: '#/settings/webhooks', label: 'webhooks', pages: ['webhooks'] },
];
