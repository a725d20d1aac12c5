// The lazy loader of cc-sdk.js in Chromium: nothing is defined up front; a tag in the document,
// in a shadow root attached later (open or closed) or asked for with ccSdk.load() gets its
// element, and <cc-provider> is always defined before the element that consumes it.
import { expect } from '@open-wc/testing';
import { until } from '../test/helpers.js';
import './cc-sdk.js';

const defined = (tag: string) => !!customElements.get(tag);

describe('cc-sdk.js loader', () => {
  it('defines nothing before a page uses it', () => {
    for (const tag of globalThis.ccSdk!.tags) expect(defined(tag), tag).to.equal(false);
  });

  it('loads an element the first time the document holds its tag, its provider first', async () => {
    const order: string[] = [];
    for (const tag of ['cc-provider', 'cc-terms-offer'])
      void customElements.whenDefined(tag).then(() => order.push(tag));
    document.body.insertAdjacentHTML('beforeend', '<cc-terms-offer offer-id="off_x"></cc-terms-offer>');
    await customElements.whenDefined('cc-terms-offer');
    await until(() => order.length === 2, 'both defined');
    expect(order).to.deep.equal(['cc-provider', 'cc-terms-offer']);
    expect(document.querySelector('cc-terms-offer')).to.be.instanceOf(customElements.get('cc-terms-offer')!);
  });

  it('loads elements inside shadow roots attached after load, open or closed', async () => {
    const open = document.createElement('div');
    document.body.append(open);
    open.attachShadow({ mode: 'open' }).innerHTML =
      '<section><cc-dispute-form invoice-id="inv_x"></cc-dispute-form></section>';
    const closedHost = document.createElement('div');
    document.body.append(closedHost);
    const closed = closedHost.attachShadow({ mode: 'closed' });
    const inner = document.createElement('cc-payment-request');
    closed.append(inner);
    await until(() => defined('cc-dispute-form') && defined('cc-payment-request'), 'both defined');
    expect(open.shadowRoot!.querySelector('cc-dispute-form')!.matches(':defined')).to.equal(true);
    expect(inner.matches(':defined')).to.equal(true);
  });

  it('loads an element on request (ccSdk.load) and refuses unknown tags', async () => {
    expect(defined('cc-wallet')).to.equal(false);
    await globalThis.ccSdk!.load('cc-wallet');
    expect(defined('cc-wallet')).to.equal(true);
    let error: unknown;
    await globalThis.ccSdk!.load('cc-nope').catch((e: unknown) => (error = e));
    expect(String(error)).to.include('<cc-nope> is not a CustomerConnect element');
  });
});
