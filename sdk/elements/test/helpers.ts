// Shared helpers of the component tests: the mock API's test endpoints (test/mock-api.js)
// and filling a component's shadow DOM the way a person would, with real DOM events.
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

export const keys = {
  valid: 'pk_test_northwind', // flexible terms (net 30/45/60), USD
  locked: 'pk_test_locked', // Acme Fasteners: locked terms (net 30), EUR
  checkOnly: 'pk_test_check_only', // creditAppModes: credit_check only
};

export interface MockRequest {
  method: string;
  path: string;
  /** The query string, without `?` ('' when none). */
  query: string;
  idempotencyKey: string | null;
  authorization: string | null;
  publishableKey: string | null;
  body: unknown;
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

export const mock = {
  reset: () => post('/__mock/reset'),
  settings: (publishableKey: string, patch: Record<string, unknown>) =>
    post('/__mock/settings', { publishableKey, ...patch }),
  /** A verified contact of the merchant with a session and an open offer (what a merchant's "offer terms" makes). */
  offer: (publishableKey: string, terms: Record<string, unknown> = {}) =>
    post<{ offer: { id: string; contactId: string; netDays: number }; session: { token: string; expiresAt: string } }>(
      '/__mock/terms-offers',
      { publishableKey, ...terms },
    ),
  withdraw: (offerId: string) => post(`/__mock/terms-offers/${offerId}/withdraw`),
  requests: async (path?: string): Promise<MockRequest[]> => {
    const all = (await (await fetch('/__mock/requests')).json()) as MockRequest[];
    return path ? all.filter((request) => request.path.startsWith(path)) : all;
  },
};

/**
 * The next request to a URL containing `path` reaches the server, which acts on it, but
 * its answer is lost: fetch fails as it does when a connection drops.
 */
export function loseNextAnswer(path: string): void {
  const realFetch = window.fetch;
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (!String(input).includes(path)) return response;
    window.fetch = realFetch;
    throw new TypeError('Failed to fetch');
  };
}

/** The next `name` event on `target`. */
export function nextEvent<E extends Event>(target: EventTarget, name: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as E), { once: true }));
}

export function $<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`${host.localName} has no ${selector}`);
  return found;
}

export const $maybe = <E extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot!.querySelector<E>(selector);

/** Types into a control as a person would: the value, an input (or change) event, then leaving it. */
export function enter(host: Element, id: string, value: string | boolean): void {
  const control = $<HTMLInputElement | HTMLSelectElement>(host, `#${id}`);
  control.focus();
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    if (control.checked !== value) control.click();
  } else {
    control.value = String(value);
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }),
    );
  }
  control.blur();
}

/** The text of the error shown at a control, through its aria-describedby. */
export function errorOf(host: Element, id: string): string | undefined {
  const control = $maybe(host, `#${id}`);
  const ids = control?.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids
    .map((ref) => host.shadowRoot!.getElementById(ref))
    .find((el) => el?.getAttribute('part') === 'error');
  return error?.textContent?.trim();
}

export const focused = (host: Element) => host.shadowRoot!.activeElement;

export async function settle(host: LitElement): Promise<void> {
  await host.updateComplete;
  await new Promise((resolve) => setTimeout(resolve));
  await host.updateComplete;
}

export const until = (predicate: () => unknown, message: string, timeout = 3000) =>
  waitUntil(predicate, message, { timeout });

/** Answers that pass validation, by step; tax id 12-3456789 is approved by the test bureau. */
export const validAnswers: Array<Record<string, string | boolean>> = [
  {
    legalName: 'Harbor Freight Logistics LLC',
    taxId: '12-3456789',
    line1: '200 Pier Avenue',
    city: 'Oakland',
    region: 'CA',
    postalCode: '94607',
    country: 'US',
    yearsInBusiness: '7',
    annualRevenue: '2,500,000',
  },
  { applicantName: 'Dana Whitfield', email: 'dana@harborfreight.example', title: 'Controller' },
  { consentAgreed: true, consentName: 'Dana Whitfield' },
];

/**
 * Fills and continues through the steps of a `<cc-credit-app>`, with `overrides` by field,
 * and submits the last one; resolves once the submit button was pressed.
 */
export async function completeApplication(
  app: LitElement,
  overrides: Record<string, string | boolean> = {},
): Promise<void> {
  for (const [index, answers] of validAnswers.entries()) {
    await until(
      () => app.shadowRoot!.querySelectorAll('.steps li')[index]?.getAttribute('aria-current') === 'step',
      `step ${index + 1} shows`,
    );
    for (const [id, value] of Object.entries({ ...answers, ...pick(overrides, Object.keys(answers)) }))
      enter(app, id, value);
    for (const [id, value] of Object.entries(overrides))
      if (app.shadowRoot!.getElementById(id) && !(id in answers)) enter(app, id, value);
    $(app, 'button[type="submit"]').click();
    await app.updateComplete;
  }
}

function pick(values: Record<string, string | boolean>, names: string[]) {
  return Object.fromEntries(Object.entries(values).filter(([name]) => names.includes(name)));
}
