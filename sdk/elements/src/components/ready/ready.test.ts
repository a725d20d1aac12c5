// Every element fires its own `cc-ready` on itself, inside a <cc-provider> or alone, so a
// framework's `oncc-ready` / `@cc-ready` bound on the element itself runs.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../define/cc-credit-app.js';
import '../../define/cc-dispute-form.js';
import '../../define/cc-payment-method-form.js';
import '../../define/cc-payment-request.js';
import '../../define/cc-provider.js';
import '../../define/cc-terms-offer.js';
import '../../define/cc-wallet.js';
import { CcReadyEvent } from '../../events/cc-ready-event.js';
import { keys } from '../../../test/helpers.js';

const tags = [
  'cc-credit-app',
  'cc-terms-offer',
  'cc-wallet',
  'cc-payment-request',
  'cc-dispute-form',
  'cc-payment-method-form',
];

/** Resolves with the first cc-ready whose original target is `tag`, wherever it is caught. */
function readyOf(tag: string): { listener: (event: Event) => void; event: Promise<CcReadyEvent> } {
  let listener!: (event: Event) => void;
  const event = new Promise<CcReadyEvent>((resolve) => {
    listener = (e) => {
      if ((e.composedPath()[0] as Element).localName === tag) resolve(e as CcReadyEvent);
    };
  });
  return { listener, event };
}

function within<T>(promise: Promise<T>, what: string, ms = 4000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no cc-ready from ${what}`)), ms)),
  ]);
}

/** Stands for the wallet: a CustomerConnect element that renders another one in its shadow root. */
class CcTestShell extends LitElement {
  override render() {
    return html`<cc-dispute-form invoice-id="inv_test_x"></cc-dispute-form>`;
  }
}
customElements.define('cc-test-shell', CcTestShell);

describe('cc-ready on every element', () => {
  for (const tag of tags) {
    const t = unsafeStatic(tag);

    it(`<${tag}> alone fires cc-ready on itself, bubbling and composed`, async () => {
      const ready = readyOf(tag);
      const el = await fixture(staticHtml`<${t} publishable-key=${keys.valid} @cc-ready=${ready.listener}></${t}>`);
      const event = await within(ready.event, tag);
      expect(event).to.be.instanceOf(CcReadyEvent);
      expect(event.target === el, 'fired on the element itself').to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.config.merchant.name).to.equal('Northwind Industrial Supply');
    });

    it(`<${tag}> inside a <cc-provider> fires cc-ready on itself`, async () => {
      const ready = readyOf(tag);
      const provider = await fixture(
        html`<cc-provider publishable-key=${keys.valid}>${staticHtml`<${t} @cc-ready=${ready.listener}></${t}>`}</cc-provider>`,
      );
      const el = provider.querySelector(tag)!;
      const event = await within(ready.event, `${tag} in a provider`);
      expect(event).to.be.instanceOf(CcReadyEvent);
      expect(event.target === el, 'fired on the element itself').to.equal(true);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.config.merchant.name).to.equal('Northwind Industrial Supply');
    });
  }

  it('an element added to a provider that is already ready fires cc-ready once', async () => {
    const providerReady = new Promise((resolve) => document.addEventListener('cc-ready', resolve, { once: true }));
    const provider = await fixture(html`<cc-provider publishable-key=${keys.valid}></cc-provider>`);
    await providerReady;
    const el = document.createElement('cc-credit-app');
    const events: Event[] = [];
    el.addEventListener('cc-ready', (e) => events.push(e));
    provider.append(el);
    await within(
      new Promise((resolve) => el.addEventListener('cc-ready', resolve, { once: true })),
      'a late cc-credit-app',
    );
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(events).to.have.length(1);
  });

  it('an element rendered inside another CustomerConnect element (a wallet part) does not announce itself', async () => {
    const seen: EventTarget[] = [];
    const provider = await fixture(
      html`<cc-provider publishable-key=${keys.valid} @cc-ready=${(e: Event) => seen.push(e.composedPath()[0])}
        ><cc-test-shell></cc-test-shell><cc-payment-method-form></cc-payment-method-form
      ></cc-provider>`,
    );
    const sibling = provider.querySelector('cc-payment-method-form')!;
    await within(
      new Promise((resolve) => {
        if (seen.includes(sibling)) resolve(true);
        sibling.addEventListener('cc-ready', resolve, { once: true });
      }),
      'the payment method form',
    );
    const inner = provider.querySelector('cc-test-shell')!.shadowRoot!.querySelector('cc-dispute-form')!;
    await (inner as LitElement).updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Booleans, not the elements: chai would print the elements' whole object graphs on failure.
    expect(seen.includes(provider), 'the provider announced itself').to.equal(true);
    expect(seen.includes(inner), 'the form inside the shell announced itself').to.equal(false);
  });
});
