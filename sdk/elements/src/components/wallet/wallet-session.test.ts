import { expect, fixture, html } from '@open-wc/testing';
import { $, $maybe, focused, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import {
  forgetSessions,
  openWalletLink,
  sessionKey,
  storeSession,
  walletKeys,
  walletMock,
} from '../../../test/wallet-helpers.js';
import '../../define/cc-wallet.js';
import type { CcErrorEvent } from '../../events/cc-error-event.js';
import { CustomerSessions, customerSessions, resetUrlLinkToken } from '../../internal/customer-session.js';
import type { CcWallet } from './wallet.js';

const spec = { invoices: [{ amount: 40000, number: 'INV-3001' }], methods: [{ type: 'card' as const }] };

async function mountWallet(attributes: { linkToken?: string } = {}) {
  const provider = await fixture(html`<cc-provider publishable-key=${walletKeys.valid} locale="en">
    <cc-wallet link-token=${attributes.linkToken ?? ''}></cc-wallet>
  </cc-provider>`);
  return provider.querySelector<CcWallet>('cc-wallet')!;
}

const localKeys = () => Object.keys(localStorage);
const exchanges = () => mock.requests('/v1/customer/sessions');

describe('customer session from a wallet link', () => {
  beforeEach(async () => {
    await mock.reset();
    forgetSessions();
  });

  it('is accessible when the session has expired', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    await walletMock.expireLink(seeded.linkToken);
    openWalletLink(seeded.linkToken);
    const el = await mountWallet();
    await until(() => $maybe(el, '#session-title'), 'the expired message');
    await expect(el).to.be.accessible();
  });

  it('exchanges the #cc_token of the fragment, removes it from the address, and keeps the session in sessionStorage only', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    const localBefore = localKeys();
    openWalletLink(seeded.linkToken);
    const el = await mountWallet();
    expect(location.href, 'removed at once').not.to.contain('cc_token');
    expect(location.hash, 'the rest of the fragment stays').to.equal('#section=invoices');
    expect(new URLSearchParams(location.search).get('utm_source'), 'other parameters stay').to.equal('notice');
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    const [exchange, ...more] = await exchanges();
    expect(exchange!.body).to.deep.equal({ linkToken: seeded.linkToken });
    expect(exchange!.authorization, 'no other credential').to.equal(null);
    expect(exchange!.publishableKey).to.equal(null);
    expect(more).to.have.length(0);
    const stored = JSON.parse(sessionStorage.getItem(sessionKey())!);
    expect(stored.token).to.match(/^cs_test_/);
    expect(stored).not.to.have.property('linkToken');
    expect(JSON.stringify(stored)).not.to.contain(seeded.linkToken);
    expect(localKeys(), 'localStorage untouched').to.deep.equal(localBefore);
    const [read] = await mock.requests('/v1/customer/wallet');
    expect(read!.authorization).to.equal(`Bearer ${stored.token}`);
  });

  it('still takes ?cc_token= from links sent before the fragment form, and removes it', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    openWalletLink(seeded.linkToken, 'query');
    const el = await mountWallet();
    expect(location.href, 'removed at once').not.to.contain('cc_token');
    expect(new URLSearchParams(location.search).get('utm_source'), 'other parameters stay').to.equal('notice');
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    const [exchange] = await exchanges();
    expect(exchange!.body).to.deep.equal({ linkToken: seeded.linkToken });
  });

  it('keeps the customer in after a reload, without exchanging the link again', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    openWalletLink(seeded.linkToken);
    const first = await mountWallet();
    await until(() => $maybe(first, '#wallet-title'), 'the wallet shows');
    const token = JSON.parse(sessionStorage.getItem(sessionKey())!).token as string;
    first.remove();
    // A reload: the page's memory is gone, the tab's sessionStorage stays, the address has no token.
    customerSessions.forgetMemory();
    resetUrlLinkToken();
    expect(new CustomerSessions().get(location.origin)).to.deep.include({ state: 'active', token });
    const second = await mountWallet();
    await until(() => $maybe(second, '#wallet-title'), 'the wallet shows again');
    expect(await exchanges()).to.have.length(1);
    const reads = await mock.requests('/v1/customer/wallet');
    expect(reads.at(-1)!.authorization).to.equal(`Bearer ${token}`);
  });

  it('keeps the customer in after a reload of the hosted wallet (no publishable key)', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    openWalletLink(seeded.linkToken);
    const first = (await fixture(html`<div><cc-wallet locale="en"></cc-wallet></div>`)).querySelector<CcWallet>(
      'cc-wallet',
    )!;
    await until(() => $maybe(first, '#wallet-title'), 'the wallet shows');
    first.remove();
    customerSessions.forgetMemory();
    resetUrlLinkToken();
    const second = (await fixture(html`<div><cc-wallet locale="en"></cc-wallet></div>`)).querySelector<CcWallet>(
      'cc-wallet',
    )!;
    await until(() => $maybe(second, '#wallet-title'), 'the wallet shows again');
    expect(await exchanges()).to.have.length(1);
  });

  it('takes a link token from the link-token attribute', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    const el = await mountWallet({ linkToken: seeded.linkToken });
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    expect((await exchanges())[0]!.body).to.deep.equal({ linkToken: seeded.linkToken });
  });

  it('says the link expired and emails a fresh one to the address typed (link_invalid)', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    await walletMock.expireLink(seeded.linkToken);
    openWalletLink(seeded.linkToken);
    const errors: string[] = [];
    document.addEventListener('cc-error', (e) => errors.push((e as CcErrorEvent).detail.code));
    const el = await mountWallet();
    await until(() => $maybe(el, '#session-title'), 'the expired message');
    expect($(el, '#session-title').textContent).to.equal('Your secure link has expired');
    expect(errors).to.contain('link_invalid');
    const email = $<HTMLInputElement>(el, '#session-email');
    expect(el.shadowRoot!.querySelector('label[for="session-email"]')!.textContent).to.equal('Your email address');
    const send = $<HTMLButtonElement>(el, '.fresh-link [part~="button-primary"]');
    expect(send.textContent!.trim()).to.equal('Email me a fresh link');
    send.click();
    await settle(el);
    expect(focused(el)?.id, 'the email is required').to.equal('session-email');
    email.value = seeded.contact.email;
    email.dispatchEvent(new Event('input'));
    send.click();
    await until(() => $maybe(el, '#session-sent'), 'sent');
    expect($(el, '#session-sent').textContent).to.equal('Check your email: a fresh link is on its way.');
    expect(focused(el)?.id).to.equal('session-sent');
    const [request] = await mock.requests('/v1/public/wallet-links');
    expect(request!.publishableKey).to.equal(walletKeys.valid);
    expect(request!.body).to.deep.equal({ email: seeded.contact.email });
    expect(await walletMock.freshLinks()).to.deep.equal([
      { merchantId: 'mer_test_northwind', email: seeded.contact.email },
    ]);
  });

  it('when the session expires while in use, offers a fresh link to the known email in one click', async () => {
    const seeded = await walletMock.seed(walletKeys.valid, spec);
    openWalletLink(seeded.linkToken);
    const el = await mountWallet();
    await until(() => $maybe(el, '#wallet-title'), 'the wallet shows');
    const token = JSON.parse(sessionStorage.getItem(sessionKey())!).token as string;
    await walletMock.expireSession(token);
    const expired = nextEvent<CcErrorEvent>(el, 'cc-error');
    $<HTMLButtonElement>(el, 'button[aria-label="Pay invoice INV-3001"]').click();
    await settle(el);
    $(el, '#pay-title ~ form [part~="button-primary"]').click();
    expect((await expired).detail.code).to.equal('session_expired');
    await until(() => $maybe(el, '#session-title'), 'the expired message');
    expect($(el, '#session-title').textContent).to.equal('Your secure link has expired');
    expect($maybe(el, '#session-email'), 'the email is known').to.equal(null);
    const stored = JSON.parse(sessionStorage.getItem(sessionKey())!);
    expect(stored, 'the dead token is forgotten').to.deep.equal({ expired: true, email: seeded.contact.email });
    $(el, '.fresh-link [part~="button-primary"]').click();
    await until(() => $maybe(el, '#session-sent'), 'sent');
    expect((await mock.requests('/v1/public/wallet-links'))[0]!.body).to.deep.equal({ email: seeded.contact.email });
    await expect(el).to.be.accessible();
  });

  it('a stored session that the API refuses shows the expired message after a reload', async () => {
    storeSession('cs_test_expired');
    const el = await mountWallet();
    await until(() => $maybe(el, '#session-title'), 'the expired message');
    expect($(el, '#session-title').textContent).to.equal('Your secure link has expired');
  });

  it('without a link or session, asks for the emailed link', async () => {
    const el = await mountWallet();
    await until(() => $maybe(el, '.gate [part="status"]')?.textContent?.includes('Northwind'), 'the message');
    expect($(el, '.gate [part="status"]').textContent).to.equal(
      'Open the link in your latest email from Northwind Industrial Supply to see your account.',
    );
    expect(await mock.requests('/v1/customer/')).to.have.length(0);
  });
});
