import { expect, fixture, html } from '@open-wc/testing';
import { parseRoute } from './routes.js';
import { embedChoices, embedSnippet, themeProperties } from './embed.js';
import { minimumPayment } from './settings.js';
import { readMoney } from './format.js';
import './define.js';
import {
  $,
  $maybe,
  consoleMock,
  focusedIn,
  partOf,
  signInToConsole as signIn,
  textOf,
  type,
  until,
} from '../test/console-helpers.js';
import type { CcMerchantConsole } from './merchant-console.js';
import type { CcConsoleSignIn } from './sign-in.js';

describe('console: rules', () => {
  it('reads hash routes', () => {
    expect(parseRoute('').page).to.equal('overview');
    expect(parseRoute('#/contacts/ct_1')).to.include({ page: 'contact', id: 'ct_1' });
    expect(parseRoute('#/invoices?contactId=ct_2').params.get('contactId')).to.equal('ct_2');
    expect(parseRoute('#/invoices/new').page).to.equal('invoice-new');
    expect(parseRoute('#/disputes/dsp_9')).to.include({ page: 'dispute', id: 'dsp_9' });
    expect(parseRoute('#/settings/api-keys').page).to.equal('api-keys');
    expect(parseRoute('#/nope').page).to.equal('not-found');
  });

  it('computes the minimum payment as the API does (ceil)', () => {
    expect(minimumPayment(100000, 50)).to.equal(50000);
    expect(minimumPayment(1001, 25)).to.equal(251);
    expect(minimumPayment(100000, 100)).to.equal(100000);
  });

  it('reads typed money in the locale without floating point, with sentences for errors', () => {
    expect(readMoney('1.234,56', 'EUR', 'de', 'Amount')).to.deep.equal({ amount: 123456 });
    expect(readMoney('', 'USD', 'en', 'Amount')).to.deep.equal({ error: 'Enter the amount.' });
    expect(readMoney('1.005', 'USD', 'en', 'Amount')).to.deep.equal({
      error: 'USD amounts have 2 decimal places at most.',
    });
  });

  it('writes the embed snippet: the evergreen script by default, the pinned one with integrity on request, provider with the key and theme, the element', () => {
    const options = {
      origin: 'https://api.example',
      manifest: {
        script: '/sdk/cc-sdk.js',
        evergreen: '/sdk/v1/cc-sdk.js',
        pinned: '/sdk/1.0.0/cc-sdk.js',
        hashedPath: '/sdk/cc-sdk.abc.js',
        integrity: 'sha384-XYZ',
        version: '1.0.0',
      },
      publishableKey: 'pk_live_1',
      choice: embedChoices[1]!,
      theme: { preset: 'dark' as const, primary: '#ffcc00', radius: '8px', font: '' },
    };
    const snippet = embedSnippet(options);
    expect(snippet).to.include('<script type="module" src="https://api.example/sdk/v1/cc-sdk.js"></script>');
    expect(snippet).not.to.include('integrity');
    expect(embedSnippet({ ...options, script: 'pinned' })).to.include(
      '<script type="module" src="https://api.example/sdk/1.0.0/cc-sdk.js" integrity="sha384-XYZ" crossorigin="anonymous"></script>',
    );
    expect(snippet).to.include('--cc-color-primary: #ffcc00;');
    expect(snippet).to.include('--cc-color-on-primary: #111827;');
    expect(snippet).to.include('--cc-radius: 8px;');
    expect(snippet).to.include('<cc-provider publishable-key="pk_live_1" theme="dark">');
    expect(snippet).to.include('<cc-credit-app mode="credit_check_with_terms"></cc-credit-app>');
    expect(themeProperties({ preset: 'light', primary: '', radius: '', font: '' })).to.deep.equal({});
  });
});

describe('<cc-console-sign-in>', () => {
  beforeEach(() => consoleMock.reset());

  it('is accessible', async () => {
    const el = await fixture<CcConsoleSignIn>(html`<cc-console-sign-in></cc-console-sign-in>`);
    await expect(el).to.be.accessible();
  });

  it('shows errors at the fields, announces them and focuses the first', async () => {
    const el = await fixture<CcConsoleSignIn>(html`<cc-console-sign-in></cc-console-sign-in>`);
    $(el, 'button.primary').click();
    await until(() => $maybe(el, '#email-error'), 'the email error');
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#email').getAttribute('aria-describedby')).to.equal('email-error');
    expect(focusedIn(el)?.id).to.equal('email');
    expect($(el, '[role="status"]').textContent).to.match(/2 problems/);
    await expect(el).to.be.accessible();
  });

  it("puts the server's invalid_login at the password field, and signs in", async () => {
    const el = await fixture<CcConsoleSignIn>(html`<cc-console-sign-in></cc-console-sign-in>`);
    type(el, '#email', 'admin@test.example');
    type(el, '#password', 'wrong');
    $(el, 'button.primary').click();
    await until(() => $maybe(el, '#password-error'), 'the password error');
    expect(focusedIn(el)?.id).to.equal('password');
    type(el, '#password', 'admin-password');
    const signedInEvent = new Promise<CustomEvent>((resolve) =>
      el.addEventListener('cc-console-signed-in', (e) => resolve(e as CustomEvent), { once: true }),
    );
    $(el, 'button.primary').click();
    const event = await signedInEvent;
    expect(event.detail.token).to.match(/^ms_/);
    expect(event.detail.user.role).to.equal('admin');
  });

  it('asks for a password-reset email', async () => {
    const el = await fixture<CcConsoleSignIn>(html`<cc-console-sign-in></cc-console-sign-in>`);
    ($(el, 'button.link') as HTMLButtonElement).click();
    await until(() => $maybe(el, '#reset-email'), 'the reset form');
    await expect(el).to.be.accessible();
    type(el, '#reset-email', 'admin@test.example');
    $(el, 'button.primary').click();
    await until(() => $maybe(el, '.success'), 'the confirmation');
    expect(textOf(el)).to.include('If admin@test.example has an account, a reset link is on its way.');
  });
});

describe('<cc-merchant-console>', () => {
  beforeEach(async () => {
    await consoleMock.reset();
    location.hash = '';
  });
  afterEach(() => {
    location.hash = '';
  });

  it('is accessible signed out and signed in; the overview shows money per currency', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console locale="en-US"></cc-merchant-console>`);
    await expect(shell).to.be.accessible();
    const overview = await signIn(shell);
    await until(() => textOf(overview).includes('Open balance'), 'the figures');
    expect(textOf(overview)).to.include('$2,100.00');
    expect(textOf(overview)).to.include('€42.00');
    expect($(shell, 'nav a[aria-current="page"]').textContent).to.equal('Overview');
    await until(() => focusedIn(overview)?.tagName === 'H1', 'focus on the heading');
    await expect(shell).to.be.accessible();
  });

  it('formats money for its locale', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console locale="fr-FR"></cc-merchant-console>`);
    const overview = await signIn(shell);
    // The texts follow the locale too: "Open balance" in French.
    await until(() => textOf(overview).includes('Solde dû'), 'the figures');
    expect(textOf(overview)).to.match(/2\s100,00\s\$US/);
    expect(textOf(overview)).to.match(/42,00\s€/);
  });

  it('routes by hash and moves focus to the new page heading', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console></cc-merchant-console>`);
    await signIn(shell);
    location.hash = '#/contacts';
    const contacts = await until(() => partOf(shell, 'cc-console-contacts'), 'the contacts page');
    await until(() => textOf(contacts).includes('Blue Ridge Builders'), 'the list');
    await until(() => focusedIn(contacts)?.tagName === 'H1', 'focus on the heading');
    expect($(shell, 'nav a[aria-current="page"]').textContent).to.equal('Contacts');
    await expect(shell).to.be.accessible();
  });

  it('says the session expired and asks to sign in again', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console></cc-merchant-console>`);
    await signIn(shell);
    await consoleMock.expire();
    location.hash = '#/contacts';
    const form = await until(() => partOf<CcConsoleSignIn>(shell, 'cc-console-sign-in'), 'the sign-in form');
    await until(() => textOf(form).includes('Your session has expired, please sign in again.'), 'the message');
    expect(shell.user).to.equal(undefined);
    await expect(shell).to.be.accessible();
  });

  it('signs out', async () => {
    const shell = await fixture<CcMerchantConsole>(html`<cc-merchant-console></cc-merchant-console>`);
    await signIn(shell);
    $(shell, '#sign-out').click();
    const form = await until(() => partOf(shell, 'cc-console-sign-in'), 'the sign-in form');
    await until(() => textOf(form).includes('You have signed out.'), 'the message');
  });
});
