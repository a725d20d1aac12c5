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
  label: string;
  /** The pages that light this item up. */
  pages: PageName[];
}

export const navItems: NavItem[] = [
  { href: '#/overview', label: 'Overview', pages: ['overview'] },
  { href: '#/contacts', label: 'Contacts', pages: ['contacts', 'contact'] },
  { href: '#/invoices', label: 'Invoices', pages: ['invoices', 'invoice', 'invoice-new', 'invoice-import'] },
  { href: '#/payment-requests', label: 'Payment requests', pages: ['payment-requests'] },
  { href: '#/disputes', label: 'Disputes', pages: ['disputes', 'dispute'] },
  { href: '#/settings', label: 'Settings', pages: ['settings', 'users', 'api-keys', 'webhooks'] },
  { href: '#/embed', label: 'Embed', pages: ['embed'] },
];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
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
  { href: '#/settings', label: 'Company settings', pages: ['settings'] },
  { href: '#/settings/users', label: 'Users', pages: ['users'] },
  { href: '#/settings/api-keys', label: 'API keys', pages: ['api-keys'] },
  { href: '#/settings/webhooks', label: 'Webhooks', pages: ['webhooks'] },
];
