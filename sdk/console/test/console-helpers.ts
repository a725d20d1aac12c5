// Helpers of the console's browser tests: a signed-in context against test/mock-console-api.js
// and typing into shadow DOM the way a person does, with real events.
import { fixture, type html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { ConsoleApi, type Merchant } from '../src/api.js';
import type { ConsoleContext } from '../src/context.js';
import type { ConsolePart } from '../src/part.js';

export const people = {
  admin: { email: 'admin@test.example', password: 'admin-password' },
  member: { email: 'member@test.example', password: 'member-password' },
};

export const consoleMock = {
  reset: () => fetch('/__console/reset', { method: 'POST' }),
  expire: () => fetch('/__console/expire', { method: 'POST' }),
  settings: (patch: Record<string, unknown>) =>
    fetch('/__console/settings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(patch),
    }),
  state: async () =>
    (await fetch('/__console/state')).json() as Promise<Record<string, never[]> & { merchant: Merchant }>,
};

export interface TestContext extends ConsoleContext {
  navigated: string[];
  announced: string[];
}

/** A console context signed in as `role` (what `<cc-merchant-console>` provides to its parts). */
export async function signedIn(role: 'admin' | 'member'): Promise<TestContext> {
  const answer = await ConsoleApi.login(location.origin, people[role].email, people[role].password);
  const api = new ConsoleApi(location.origin, answer.token, () => undefined);
  const merchant = await api.get<Merchant>('/v1/merchant');
  const ctx: TestContext = {
    api,
    user: answer.user,
    merchant,
    locale: 'en-US',
    isAdmin: answer.user.role === 'admin',
    navigated: [],
    announced: [],
    setMerchant: (m) => (ctx.merchant = m),
    navigate: (hash) => ctx.navigated.push(hash),
    announce: (text) => ctx.announced.push(text),
  };
  return ctx;
}

/** What every parts test starts from: the mock's seed, and contexts signed in as the admin and as the member. */
export async function resetAndSignIn(): Promise<{ admin: TestContext; member: TestContext }> {
  await consoleMock.reset();
  const admin = await signedIn('admin');
  const member = await signedIn('member');
  return { admin, member };
}

/** Renders a part and waits until `ready` says its data is in. */
export async function mount<T extends ConsolePart>(
  template: ReturnType<typeof html>,
  ready: (el: T) => boolean,
  what: string,
): Promise<T> {
  const el = await fixture<T>(template);
  await until(() => ready(el), what);
  await el.updateComplete;
  return el;
}

/** A `ready` probe for mount(): the part's text includes `text`. */
export const hasText = (text: string) => (el: Element) => textOf(el).includes(text);

export function $<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} is not in <${host.localName}>`);
  return found;
}

export const $maybe = <T extends Element = HTMLElement>(host: Element, selector: string): T | null =>
  host.shadowRoot!.querySelector<T>(selector);

export async function until<T>(probe: () => T | null | undefined | false, what: string, timeout = 4000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function type(host: Element, selector: string, value: string): void {
  const input = $<HTMLInputElement>(host, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function choose(host: Element, selector: string, value: string): void {
  const select = $<HTMLSelectElement>(host, selector);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The element focused inside `host`'s shadow root. */
export const focusedIn = (host: Element): Element | null => host.shadowRoot!.activeElement;

/** Text of the host's shadow root, whitespace collapsed. */
export const textOf = (host: Element): string => (host.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

/** A part in the shadow root of `<cc-merchant-console>`, if it is there. */
export const partOf = <T extends Element>(shell: Element, tag: string): T | null =>
  shell.shadowRoot!.querySelector<T>(tag);

/** Signs in through the console's own sign-in form (any language) and waits for the overview. */
export async function signInToConsole(
  shell: Element,
  who: { email: string; password: string } = people.admin,
): Promise<Element> {
  const form = await until(() => partOf<LitElement>(shell, 'cc-console-sign-in'), 'the sign-in form');
  await form.updateComplete;
  type(form, '#email', who.email);
  type(form, '#password', who.password);
  $(form, 'button.primary').click();
  return until(() => partOf(shell, 'cc-console-overview'), 'the overview');
}
