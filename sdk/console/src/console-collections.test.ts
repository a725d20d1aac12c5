// The console's parts in the browser against the console mock. Collections: the dispute queue, payment
// requests, the overview.
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
  textOf,
  type,
  until,
  type TestContext,
} from '../test/console-helpers.js';

describe('console parts', () => {
  let admin: TestContext;

  beforeEach(async () => {
    ({ admin } = await resetAndSignIn());
  });

  describe('<cc-console-disputes>', () => {
    it('is accessible; shows the explanation, disputed amount and balance; resolves with a credit', async () => {
      const el = await mount(
        html`<cc-console-disputes .ctx=${admin}></cc-console-disputes>`,
        hasText('Two pumps arrived damaged.'),
        'the queue',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.match(/Cascade Machine Works disputes invoice INV-101/);
      expect(textOf(el)).to.match(/Disputed amount\s*\$300\.00/);
      expect(textOf(el)).to.match(/Invoice balance\s*\$900\.00/);
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#credit-dsp_1-error'), 'the error');
      expect(focusedIn(el)?.id).to.equal('credit-dsp_1');
      ($(el, '#credit-dsp_1') as HTMLInputElement).click();
      type(el, '#note-dsp_1', 'Credited the damaged pumps.');
      $(el, 'form button.primary').click();
      await until(() => hasText('Dispute resolved with a credit of $300.00.')(el), 'the confirmation');
      await until(() => hasText('No open disputes.')(el), 'an empty queue');
      const { disputes } = await consoleMock.state();
      expect(disputes[0]).to.include({ status: 'resolved', outcome: 'credit', note: 'Credited the damaged pumps.' });
    });
  });

  describe('<cc-console-payment-requests>', () => {
    it('is accessible; creates a request with its own minimum; hides schedules the server lacks', async () => {
      const el = await mount(
        html`<cc-console-payment-requests .ctx=${admin}></cc-console-payment-requests>`,
        (e) => hasText('No payment requests yet.')(e) && hasText('not available')(e),
        'the empty list',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include('Recurring schedules are not available on this server.');
      $(el, '.page-head .actions button').click();
      await until(() => $maybe(el, '#pr-amount'), 'the form');
      await until(() => el.shadowRoot!.querySelector('#pr-contact option[value="ct_blue"]'), 'the contacts');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#pr-contact-error'), 'the errors');
      expect(focusedIn(el)?.id).to.equal('pr-contact');
      await expect(el).to.be.accessible();
      choose(el, '#pr-contact', 'ct_blue');
      type(el, '#pr-amount', '250.00');
      type(el, '#pr-minimum', '40');
      type(el, '#pr-memo', 'Spring deposit');
      $(el, 'form button.primary').click();
      await until(() => hasText('Spring deposit')(el), 'the new request');
      expect(textOf(el)).to.match(/Blue Ridge Builders.*Awaiting approval.*Spring deposit.*\$250\.00.*40%/);
    });
  });

  describe('<cc-console-overview>', () => {
    it('is accessible; shows a retry when the overview cannot load', async () => {
      const realFetch = window.fetch;
      window.fetch = (input, init) =>
        String(input).includes('/v1/overview')
          ? Promise.reject(new TypeError('Failed to fetch'))
          : realFetch(input, init);
      try {
        const el = await mount(
          html`<cc-console-overview .ctx=${admin}></cc-console-overview>`,
          hasText("couldn't load"),
          'the error',
        );
        await expect(el).to.be.accessible();
        window.fetch = realFetch;
        ($(el, '[role="alert"] button') as HTMLButtonElement).click();
        await until(() => hasText('Payments this month')(el), 'the figures');
      } finally {
        window.fetch = realFetch;
      }
    });
  });
});
