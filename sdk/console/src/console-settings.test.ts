// The console's parts in the browser against the console mock. Company settings, users and API keys,
// the embed page, webhooks.
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
  let member: TestContext;

  beforeEach(async () => {
    ({ admin, member } = await resetAndSignIn());
  });

  describe('<cc-console-settings>', () => {
    it('is accessible; the worked example follows the minimums as typed', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${admin}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      await expect(el).to.be.accessible();
      expect(textOf(el)).to.include(
        'On a $1,000.00 request paid by card, the customer must pay at least $1,000.00 (the whole amount: no partial payments).',
      );
      type(el, '#set-min-default', '20');
      type(el, '#set-min-card', '50');
      await el.updateComplete;
      expect(textOf(el)).to.include('On a $1,000.00 request paid by card, the customer must pay at least $500.00.');
      expect(textOf(el)).to.include(
        'On a $1,000.00 request paid by bank account, the customer must pay at least $200.00.',
      );
    });

    it('saves a merge patch as admin and shows the refusal of a field where it belongs', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${admin}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      ($(el, '#policy-flexible') as HTMLInputElement).click();
      type(el, '#set-allowed-net-days', '60, 30, 45');
      type(el, '#set-min-ach', '10');
      $(el, '#save-settings').click();
      await until(() => hasText('Settings saved.')(el), 'saved');
      const { merchant } = await consoleMock.state();
      expect(merchant.settings.termsPolicy).to.equal('flexible');
      expect(merchant.settings.allowedNetDays).to.deep.equal([60, 30, 45]);
      expect(merchant.settings.partialPayments.byMethod).to.deep.equal({ ach: 10 });
      expect(merchant.settings.partialPayments.defaultMinimumPercent ?? null).to.equal(null);
      expect(admin.merchant.settings.termsPolicy).to.equal('flexible');
      type(el, '#set-wallet-url', 'http://pay.example');
      $(el, '#save-settings').click();
      await until(() => $maybe(el, '#set-wallet-url-error'), 'the error at the field');
      expect(focusedIn(el)?.id).to.equal('set-wallet-url');
      type(el, '#set-min-card', '150');
      $(el, '#save-settings').click();
      await until(() => $maybe(el, '#set-min-card-error'), 'the client check');
      expect($(el, '#set-min-card-error').textContent).to.equal('The card minimum is a whole number from 1 to 100.');
    });

    it('is read-only for a member, with the reason', async () => {
      const el = await mount(
        html`<cc-console-settings .ctx=${member}></cc-console-settings>`,
        hasText('Terms-lock policy'),
        'the form',
      );
      await expect(el).to.be.accessible();
      expect(($(el, '#policy-flexible') as HTMLInputElement).disabled).to.equal(true);
      expect($(el, '#save-settings').getAttribute('aria-disabled')).to.equal('true');
      expect($(el, '#save-settings-reason').textContent).to.equal('Only an admin can change company settings.');
    });
  });

  describe('<cc-console-users> and <cc-console-api-keys>', () => {
    it('adds a user as admin', async () => {
      const el = await mount(
        html`<cc-console-users .ctx=${admin}></cc-console-users>`,
        hasText('member@test.example'),
        'the users',
      );
      await expect(el).to.be.accessible();
      type(el, '#user-name', 'Nia New');
      type(el, '#user-email', 'nia@test.example');
      type(el, '#user-password', 'short');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#user-password-error'), 'the password error');
      type(el, '#user-password', 'long-enough-password');
      $(el, 'form button.primary').click();
      await until(() => hasText('nia@test.example')(el), 'the new user');
    });

    it('tells a member that users and keys are admin-only, without asking the server', async () => {
      const users = await mount(
        html`<cc-console-users .ctx=${member}></cc-console-users>`,
        hasText('Only an admin'),
        'the note',
      );
      await expect(users).to.be.accessible();
      const keys = await mount(
        html`<cc-console-api-keys .ctx=${member}></cc-console-api-keys>`,
        hasText('Only an admin'),
        'the note',
      );
      await expect(keys).to.be.accessible();
    });

    it('shows a new secret key once, in a dialog', async () => {
      const el = await mount(
        html`<cc-console-api-keys .ctx=${admin}></cc-console-api-keys>`,
        hasText('pk_test_console'),
        'the keys',
      );
      await expect(el).to.be.accessible();
      $(el, 'form button.primary').click();
      await until(() => ($(el, '#secret-dialog') as HTMLDialogElement).open, 'the dialog');
      expect($(el, '#new-secret').textContent).to.equal('sk_test_shown_once_wxyz');
      await expect(el).to.be.accessible();
      ($(el, '#secret-dialog button.primary') as HTMLButtonElement).click();
      await until(() => !($(el, '#secret-dialog') as HTMLDialogElement).open, 'closed');
      expect(textOf(el)).not.to.include('sk_test_shown_once_wxyz');
    });
  });

  describe('<cc-console-embed>', () => {
    it('is accessible; the snippet carries the evergreen URL (or the pinned one with integrity), key and theme', async () => {
      const el = await mount(
        html`<cc-console-embed .ctx=${admin}></cc-console-embed>`,
        (e) => !!e.shadowRoot!.querySelector('#snippet'),
        'the snippet',
      );
      await expect(el).to.be.accessible();
      const snippet = () => $(el, '#snippet').textContent ?? '';
      expect(snippet()).to.include(`<script type="module" src="${location.origin}/sdk/v1/cc-sdk.js"></script>`);
      choose(el, '#embed-script', 'pinned');
      await el.updateComplete;
      expect(snippet()).to.include(
        `src="${location.origin}/sdk/1.0.0/cc-sdk.js" integrity="sha384-TESTINTEGRITY" crossorigin="anonymous"`,
      );
      expect(snippet()).to.include('<cc-provider publishable-key="pk_test_console">');
      choose(el, '#embed-preset', 'dark');
      choose(el, '#embed-radius', '0');
      choose(el, '#embed-element', 'wallet');
      await el.updateComplete;
      expect(snippet()).to.include('<cc-provider publishable-key="pk_test_console" theme="dark">');
      expect(snippet()).to.include('--cc-radius: 0;');
      expect(snippet()).to.include('<cc-wallet></cc-wallet>');
    });
  });

  describe('<cc-console-webhooks>', () => {
    it('adds an endpoint (secret shown once) and reads its delivery log', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${admin}></cc-console-webhooks>`,
        (e) => hasText('No webhook endpoints yet.')(e),
        'the list',
      );
      await expect(el).to.be.accessible();
      type(el, '#wh-url', 'http://erp.example/hooks');
      $(el, 'form button.primary').click();
      await until(() => $maybe(el, '#wh-url-error'), "the server's refusal at the URL");
      type(el, '#wh-url', 'https://erp.example/hooks');
      $(el, 'form button.primary').click();
      await until(() => ($(el, '#wh-secret') as HTMLDialogElement).open, 'the secret dialog');
      expect(textOf(el)).to.include('whsec_test_shown_once');
      ($(el, '#wh-secret button') as HTMLButtonElement).click();
      await until(
        () => hasText('https://erp.example/hooks')(el) && !($(el, '#wh-secret') as HTMLDialogElement).open,
        'the endpoint',
      );
      ($(el, 'section.card .actions button') as HTMLButtonElement).click();
      await until(() => hasText('invoice.created')(el), 'the delivery log');
      await expect(el).to.be.accessible();
    });

    it('sends a test event per endpoint and shows its outcome in a live region', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${admin}></cc-console-webhooks>`,
        (e) => hasText('No webhook endpoints yet.')(e),
        'the list',
      );
      for (const url of ['https://erp.example/hooks', 'https://down.example/hooks']) {
        type(el, '#wh-url', url);
        $(el, 'form button.primary').click();
        await until(() => ($(el, '#wh-secret') as HTMLDialogElement).open, 'the secret dialog');
        ($(el, '#wh-secret button') as HTMLButtonElement).click();
        await until(() => hasText(url)(el) && !($(el, '#wh-secret') as HTMLDialogElement).open, 'the endpoint');
      }
      const cards = [...el.shadowRoot!.querySelectorAll('section.card')];
      const card = (url: string) => cards.find((c) => c.textContent!.includes(url))!;
      const [ok, down] = [card('https://erp.example/hooks'), card('https://down.example/hooks')];
      const button = (c: Element) =>
        [...c.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Send test event')!;
      const region = (c: Element) => c.querySelector('[role="status"][aria-live="polite"]')!;
      expect(button(ok).getAttribute('aria-label')).to.equal('Send a test event to https://erp.example/hooks');
      expect(region(ok).textContent!.trim()).to.equal('');

      button(ok).click();
      await until(() => region(ok).textContent!.includes('delivered'), 'the outcome');
      expect(region(ok).textContent!.trim()).to.equal('Test event delivered: HTTP 200 in 42 ms.');
      expect(region(down).textContent!.trim()).to.equal('');

      button(down).click();
      await until(() => region(down).textContent!.includes('failed'), 'the failure');
      expect(region(down).textContent!.trim()).to.equal('Test event failed: HTTP 503 after 12 ms.');
      await expect(el).to.be.accessible();
    });

    it('shows a member the endpoints but not the admin controls', async () => {
      const el = await mount(
        html`<cc-console-webhooks .ctx=${member}></cc-console-webhooks>`,
        (e) => hasText('Only an admin can add or delete webhook endpoints.')(e),
        'the note',
      );
      expect($maybe(el, '#wh-url')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
