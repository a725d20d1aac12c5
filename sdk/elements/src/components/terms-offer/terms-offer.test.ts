import { expect, fixture, html } from '@open-wc/testing';
import { $, $maybe, errorOf, focused, keys, mock, nextEvent, settle, until } from '../../../test/helpers.js';
import '../../define/cc-terms-offer.js';
import type { CcErrorEvent } from '../../events/cc-error-event.js';
import type { CcTermsAcceptedEvent } from '../../events/cc-terms-accepted-event.js';
import type { CcTermsDeclinedEvent } from '../../events/cc-terms-declined-event.js';
import { sessionStore } from '../../internal/session-store.js';
import type { CcProvider } from '../provider/provider.js';
import type { CcTermsOffer } from './terms-offer.js';
import { devWarningsPrinted } from '../../internal/dev-warnings.js';

/** A fresh open offer of the merchant behind `key`, shown in a <cc-terms-offer> with its session. */
async function mount(
  key = keys.valid,
  options: { locale?: string; useStore?: boolean; terms?: Record<string, unknown> } = {},
) {
  const { offer, session } = await mock.offer(key, options.terms);
  if (options.useStore) sessionStore.set(session);
  const provider = await fixture(html`<cc-provider publishable-key=${key} locale=${options.locale ?? 'en'}>
    <cc-terms-offer offer-id=${offer.id} session-token=${options.useStore ? '' : session.token}></cc-terms-offer>
  </cc-provider>`);
  const el = provider.querySelector('cc-terms-offer')!;
  await until(() => $maybe(el, '#offer-title'), 'offer shown');
  await settle(el);
  return { el, offer, session };
}

function sign(el: CcTermsOffer, name = 'Dana Whitfield') {
  const input = $<HTMLInputElement>(el, '#offer-signature');
  input.value = name;
  input.dispatchEvent(new Event('input'));
}

function pick(el: CcTermsOffer, days: string) {
  const select = $<HTMLSelectElement>(el, '#offer-netDays');
  select.value = days;
  select.dispatchEvent(new Event('change'));
}

const accept = (el: CcTermsOffer) => $(el, '[part~="button-primary"]').click();
const acceptRequests = () =>
  mock.requests('/v1/customer/terms-offers/').then((all) => all.filter((r) => r.path.endsWith('/accept')));

describe('<cc-terms-offer>', () => {
  beforeEach(async () => {
    await mock.reset();
    sessionStore.clear();
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });

  it('shows the terms: net days, credit limit as money, currency and expiry', async () => {
    const { el } = await mount(keys.locked, { terms: { creditLimit: 2500000 } });
    expect($(el, '#offer-title').textContent).to.equal('Your payment terms with Acme Fasteners');
    const terms = $(el, '.terms').textContent!.replace(/\s+/g, ' ');
    expect(terms).to.contain('Net 30: pay each invoice within 30 days of its issue date');
    expect($(el, 'dd[part="amount"]').textContent).to.equal('€25,000.00');
    expect(terms).to.contain('Euro (EUR)');
    expect(terms).to.match(/Offer open until ?\w+ \d+, \d{4}/);
  });

  it('under a locked policy shows net days read-only and accepts without sending them', async () => {
    const { el, offer } = await mount(keys.locked);
    expect($maybe(el, 'select'), 'no choice of net days').to.equal(null);
    const accepted = nextEvent<CcTermsAcceptedEvent>(el, 'cc-terms-accepted');
    sign(el);
    accept(el);
    expect((await accepted).detail).to.deep.equal({ offerId: offer.id, contactId: offer.contactId });
    const [request] = await acceptRequests();
    expect(request!.body).to.deep.equal({ signatureName: 'Dana Whitfield' });
    expect(request!.idempotencyKey).to.be.a('string');
    await settle(el);
    expect(focused(el)?.id).to.equal('offer-outcome');
    expect($(el, '[part="status"]').textContent).to.equal(
      "You've accepted net 30 terms with Acme Fasteners, with a credit limit of €25,000.00.",
    );
    await expect(el).to.be.accessible();
  });

  it("under a flexible policy lets the customer pick from the merchant's allowedNetDays", async () => {
    const { el } = await mount(keys.valid);
    const options = [...$<HTMLSelectElement>(el, '#offer-netDays').options].map((o) => o.value);
    expect(options).to.deep.equal(['30', '45', '60']);
    expect($<HTMLSelectElement>(el, '#offer-netDays').value, 'the offered terms first').to.equal('30');
    pick(el, '60');
    sign(el);
    const accepted = nextEvent<CcTermsAcceptedEvent>(el, 'cc-terms-accepted');
    accept(el);
    await accepted;
    expect((await acceptRequests())[0]!.body).to.deep.equal({ signatureName: 'Dana Whitfield', netDays: 60 });
    await settle(el);
    expect($(el, '#offer-outcome').textContent).to.contain('net 60 terms');
  });

  it('asks for the typed signature, on leaving the field and on Accept', async () => {
    const { el } = await mount();
    const input = $<HTMLInputElement>(el, '#offer-signature');
    input.focus();
    sign(el, 'D');
    sign(el, '');
    input.blur();
    await settle(el);
    expect(errorOf(el, 'offer-signature')).to.equal('Type your full name to sign: this field is required.');
    sign(el, 'Dana');
    await settle(el);
    expect(errorOf(el, 'offer-signature')).to.equal(undefined);
    sign(el, ' ');
    accept(el);
    await settle(el);
    expect(focused(el)?.id).to.equal('offer-signature');
    expect(await acceptRequests()).to.have.length(0);
  });

  it('explains 409 terms_locked and falls back to the offered terms', async () => {
    const { el } = await mount(keys.valid);
    await mock.settings(keys.valid, { termsPolicy: 'locked' }); // the admin locks terms while the page is open
    const failed = nextEvent<CcErrorEvent>(el, 'cc-error');
    pick(el, '45');
    sign(el);
    accept(el);
    expect((await failed).detail.code).to.equal('terms_locked');
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal(
      'Northwind Industrial Supply offers these payment terms as they are: you can accept them as offered or decline them.',
    );
    expect(focused(el)?.id).to.equal('offer-alert');
    expect($maybe(el, 'select'), 'net days now read-only').to.equal(null);
    await expect(el).to.be.accessible();
    const accepted = nextEvent<CcTermsAcceptedEvent>(el, 'cc-terms-accepted');
    accept(el);
    await accepted;
    expect((await acceptRequests())[1]!.body).to.deep.equal({ signatureName: 'Dana Whitfield' });
  });

  it('explains 422 net_days_not_allowed at the net days field', async () => {
    const { el } = await mount(keys.valid);
    await mock.settings(keys.valid, { allowedNetDays: [30, 45] });
    pick(el, '60');
    sign(el);
    accept(el);
    await until(() => errorOf(el, 'offer-netDays'), 'net days error');
    expect(errorOf(el, 'offer-netDays')).to.equal('Net 60 is no longer available. Choose other payment terms.');
    expect(focused(el)?.id).to.equal('offer-netDays');
    const options = [...$<HTMLSelectElement>(el, '#offer-netDays').options].map((o) => o.value);
    expect(options).to.deep.equal(['30', '45']);
  });

  it('explains 409 offer_not_open and stops offering Accept', async () => {
    const { el, offer } = await mount(keys.valid);
    await mock.withdraw(offer.id);
    const failed = nextEvent<CcErrorEvent>(el, 'cc-error');
    sign(el);
    accept(el);
    expect((await failed).detail.code).to.equal('offer_not_open');
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal(
      'This offer is no longer open: it was already answered, withdrawn, or it expired.',
    );
    expect($maybe(el, 'form')).to.equal(null);
  });

  it('declines and fires cc-terms-declined', async () => {
    const { el, offer } = await mount(keys.locked);
    const declined = nextEvent<CcTermsDeclinedEvent>(el, 'cc-terms-declined');
    $(el, 'button[type="button"]').click();
    expect((await declined).detail).to.deep.equal({ offerId: offer.id, contactId: offer.contactId });
    await settle(el);
    expect($(el, '#offer-outcome').textContent).to.equal(
      'You declined these terms. Acme Fasteners will send you payment requests to approve instead.',
    );
    const [request] = await mock.requests(`/v1/customer/terms-offers/${offer.id}/decline`);
    expect(request!.authorization).to.match(/^Bearer cs_test_/);
  });

  it("follows the policy the API sends with the offer over the page's config", async () => {
    const { offer, session } = await mock.offer(keys.valid);
    const provider = await fixture<CcProvider>(
      html`<cc-provider publishable-key=${keys.valid} locale="en"></cc-provider>`,
    );
    await until(() => provider.context?.status === 'ready', 'config loaded');
    await mock.settings(keys.valid, { allowedNetDays: [30, 90] }); // changed after the page read its config
    const el = document.createElement('cc-terms-offer');
    Object.assign(el, { offerId: offer.id, sessionToken: session.token });
    provider.append(el);
    await until(() => $maybe(el, '#offer-netDays'), 'offer shown');
    expect(provider.context?.config?.allowedNetDays).to.deep.equal([30, 45, 60]);
    const options = [...$<HTMLSelectElement>(el, '#offer-netDays').options].map((o) => o.value);
    expect(options).to.deep.equal(['30', '90']);
  });

  it("reads the page's customer session when it has no session-token", async () => {
    const { el } = await mount(keys.valid, { useStore: true });
    expect($(el, '#offer-title').textContent).to.contain('Northwind');
  });

  it('asks for the emailed link without a session, and says so when the session expired', async () => {
    const el = await fixture<CcTermsOffer>(
      html`<cc-terms-offer publishable-key=${keys.valid} offer-id="off_test_x" locale="en"></cc-terms-offer>`,
    );
    await settle(el);
    expect($(el, '[part="status"]').textContent).to.equal(
      'Open the link in your email from the merchant to see this offer.',
    );
    const failed = nextEvent<CcErrorEvent>(el, 'cc-error');
    el.sessionToken = 'cs_test_expired';
    expect((await failed).detail.code).to.equal('session_expired');
    await settle(el);
    expect($(el, '[role="alert"]').textContent).to.equal(
      'Your session has expired. Open the link in your latest email to continue.',
    );
  });

  it('says what is missing, on the page and in a dev warning, when it has no offer-id and no session', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    globalThis.ccDevMode = true;
    try {
      const el = await fixture<CcTermsOffer>(
        html`<cc-terms-offer publishable-key=${keys.valid} locale="en"></cc-terms-offer>`,
      );
      await settle(el);
      const status = $(el, '[role="status"]');
      expect(status.textContent).to.equal('No terms offer to show: this page did not say which offer (offer-id).');
      expect(el.getBoundingClientRect().height, 'not an empty box').to.be.greaterThan(0);
      await devWarningsPrinted();
      expect(warnings.some((w) => w.includes('<cc-terms-offer> has no offer-id'))).to.equal(true);
    } finally {
      console.warn = warn;
      globalThis.ccDevMode = undefined;
    }
  });

  it('speaks French', async () => {
    const { el } = await mount(keys.locked, { locale: 'fr' });
    expect($(el, '#offer-title').textContent).to.equal('Vos conditions de paiement avec Acme Fasteners');
    expect($(el, 'dd[part="amount"]').textContent!.replace(/\s/g, ' ')).to.equal('25 000,00 €');
    expect($(el, '[part~="button-primary"]').textContent!.trim()).to.equal('Accepter les conditions');
  });
});
