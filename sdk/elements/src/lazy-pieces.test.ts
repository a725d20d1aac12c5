import { expect, fixture, html } from '@open-wc/testing';
import { $, $maybe, completeApplication, enter, keys, mock, until } from '../test/helpers.js';
import { forgetSessions, storeSession, walletKeys, walletMock } from '../test/wallet-helpers.js';
import './define/cc-credit-app.js';
import './define/cc-terms-offer.js';
import './define/cc-wallet.js';

// What an element needs only once it is used (a submit, a signed-in customer, an offer to show)
// loads then, not with its first render: the page's script stays within its size budget. The dev
// server serves each source module as its own file, so the page's resource entries say which
// arrived. One page for the whole file: the checks before any use come first.
const lazy = [
  'credit-app-after',
  'terms-offer-panel',
  'decision-messages',
  'wallet-views',
  'request-parts',
  'dispute-editor',
  'method-editor',
  'account-messages',
];
const fetched = (module: string) =>
  performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.includes(`/${module}.`));

describe('code an element loads when it is used', () => {
  before(() => mock.reset());

  it('the first render of a credit application, a terms offer and a signed-out wallet fetches none of it', async () => {
    forgetSessions();
    const provider = await fixture(html`<cc-provider publishable-key=${keys.valid} locale="en">
      <cc-credit-app></cc-credit-app>
      <cc-terms-offer></cc-terms-offer>
      <cc-wallet></cc-wallet>
    </cc-provider>`);
    const app = provider.querySelector('cc-credit-app')!;
    const wallet = provider.querySelector('cc-wallet')!;
    await until(() => $maybe(app, '#legalName'), 'the form shows');
    await until(() => $maybe(wallet, '.gate'), "the wallet asks for the customer's link");
    expect($(provider.querySelector('cc-terms-offer')!, '[part="status"]').textContent).to.contain('No terms offer');
    expect(fetched('credit-app') && fetched('wallet'), 'the elements themselves are seen').to.equal(true);
    expect(lazy.filter(fetched)).to.deep.equal([]);
  });

  it('a credit application fetches its submit code on the first input, and shows the decision with it', async () => {
    const provider = await fixture(html`<cc-provider publishable-key=${keys.valid} locale="en">
      <cc-credit-app></cc-credit-app>
    </cc-provider>`);
    const app = provider.querySelector('cc-credit-app')!;
    await until(() => $maybe(app, '#legalName'), 'the form shows');
    enter(app, 'legalName', 'H');
    await until(() => fetched('credit-app-after'), 'the submit code arrives');
    expect(($(app, '#legalName') as HTMLInputElement).value, 'the keystroke stays').to.equal('H');
    await completeApplication(app);
    await until(() => $maybe(app, '#decision-title'), 'the decision shows');
    expect(fetched('decision-messages')).to.equal(true);
  });

  it("a signed-in customer's wallet fetches its views and texts with its first read", async () => {
    forgetSessions();
    const seeded = await walletMock.seed(walletKeys.valid, { invoices: [{ amount: 1000, number: 'INV-L1' }] });
    storeSession(seeded.session.token);
    const provider = await fixture(html`<cc-provider publishable-key=${walletKeys.valid} locale="en">
      <cc-wallet></cc-wallet>
    </cc-provider>`);
    const wallet = provider.querySelector('cc-wallet')!;
    await until(() => $maybe(wallet, '#wallet-title'), 'the wallet shows');
    expect(wallet.shadowRoot!.textContent).to.contain('INV-L1');
    // With what the wallet opens in place: a request's answer, the dispute and payment method forms.
    const signedIn = ['wallet-views', 'request-parts', 'dispute-editor', 'method-editor', 'account-messages'];
    expect(signedIn.filter(fetched)).to.deep.equal(signedIn);
  });
});
