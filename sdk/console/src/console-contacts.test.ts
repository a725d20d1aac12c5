// The console's parts in the browser against the console mock. The contacts list and a contact's page
// (terms offers under the terms-lock policy, wallet links).
import { expect, html } from '@open-wc/testing';
import './define.js';
import {
  $,
  choose,
  consoleMock,
  focusedIn,
  hasText,
  $maybe,
  mount,
  resetAndSignIn,
  signedIn,
  textOf,
  type,
  until,
  type TestContext,
} from '../test/console-helpers.js';

describe('console parts', () => {
  let admin: TestContext;
  let member: TestContext;

  beforeEach(async () => {
    ({ admin, member } = await resetAndSignIn());
  });

  describe('<cc-console-contacts>', () => {
    it('is accessible, with statuses', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Credit declined'); // the filter
      expect(textOf(el)).to.match(/Cascade Machine Works.*Authorized.*Net 45/);
    });

    it('searches with q and filters by status', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      type(el, '#q', 'blue');
      await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length === 1, 'one match');
      expect(textOf(el)).to.include('Blue Ridge Builders');
      type(el, '#q', '');
      choose(el, '#status', 'authorized');
      await until(
        () => el.shadowRoot!.querySelectorAll('tbody tr').length === 1 && hasText('Cascade')(el),
        'the authorized one',
      );
      choose(el, '#status', 'credit_declined');
      await until(() => hasText('No contacts match these filters.')(el), 'the empty state');
    });

    it('adds a contact, with errors at the fields first', async () => {
      const el = await mount(
        html`<cc-console-contacts .ctx=${admin}></cc-console-contacts>`,
        hasText('Cascade Machine Works'),
        'the list',
      );
      $(el, '.page-head button').click();
      await until(() => $maybe(el, '#new-company'), 'the form');
      $(el, '#add-contact button.primary').click();
      await until(() => $maybe(el, '#new-company-error'), 'the errors');
      expect(focusedIn(el)?.id).to.equal('new-company');
      await expect(el).to.be.accessible();
      type(el, '#new-company', 'Delta Co');
      type(el, '#new-email', 'ap@delta.example');
      $(el, '#add-contact button.primary').click();
      await until(() => admin.navigated.length, 'navigation to the new contact');
      expect(admin.navigated[0]).to.match(/^#\/contacts\/ct_/);
    });
  });

  describe('<cc-console-contact>', () => {
    it('is accessible; an admin offers terms', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_blue"></cc-console-contact>`,
        hasText('Credit decisions'),
        'the contact',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Strong payment history');
      expect($(el, '#offer-terms').getAttribute('aria-disabled')).to.equal('false');
      $(el, '#offer-terms').click();
      await until(() => $maybe(el, '#offer-limit'), 'the offer form');
      expect(($(el, '#offer-limit') as HTMLInputElement).value).to.equal('10,000.00');
      type(el, '#offer-limit', '5,000.00');
      $(el, 'form button.primary').click();
      await until(() => hasText('Offer sent: Net 30, $5,000.00.')(el), 'the confirmation');
      const { offers } = await consoleMock.state();
      expect(offers).to.have.length(1);
      expect(offers[0]).to.include({ creditLimit: 500000, netDays: 30, currency: 'USD' });
    });

    it('under the locked policy shows a member why terms are unavailable, and does nothing', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${member} contact-id="ct_cascade"></cc-console-contact>`,
        hasText('Credit limit'),
        'the contact',
      );
      await expect(el).to.be.accessible();
      for (const id of ['offer-terms', 'end-contract']) {
        const button = $(el, `#${id}`);
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        expect(button.getAttribute('aria-describedby')).to.equal(`${id}-reason`);
        expect($(el, `#${id}-reason`).textContent).to.match(/Terms are locked by your company's admin/);
      }
      $(el, '#offer-terms').click();
      await el.updateComplete;
      expect($maybe(el, '#offer-limit')).to.equal(null);
    });

    it('lets a member offer terms under the flexible policy', async () => {
      await consoleMock.settings({ termsPolicy: 'flexible', allowedNetDays: [30, 60] });
      member = await signedIn('member');
      const el = await mount(
        html`<cc-console-contact .ctx=${member} contact-id="ct_blue"></cc-console-contact>`,
        hasText('Credit decisions'),
        'the contact',
      );
      expect($(el, '#offer-terms').getAttribute('aria-disabled')).to.equal('false');
      $(el, '#offer-terms').click();
      await until(() => $maybe(el, '#offer-net-days'), 'the form');
      const options = [...el.shadowRoot!.querySelectorAll('#offer-net-days option')].map((o) => o.textContent);
      expect(options).to.deep.equal(['Net 30', 'Net 60']);
    });

    it('emails a wallet link', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_acme"></cc-console-contact>`,
        hasText('Wallet link'),
        'the contact',
      );
      $(el, '#send-link').click();
      await until(() => hasText('A wallet link was emailed to ap@acme.example.')(el), 'the confirmation');
    });

    it('shows an error with a retry for an unknown contact', async () => {
      const el = await mount(
        html`<cc-console-contact .ctx=${admin} contact-id="ct_nope"></cc-console-contact>`,
        hasText("couldn't load"),
        'the error',
      );
      expect($(el, '[role="alert"] button').textContent).to.equal('Try again');
      await expect(el).to.be.accessible();
    });
  });
});
