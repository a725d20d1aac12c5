import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import {
  $,
  $maybe,
  completeApplication,
  enter,
  errorOf,
  focused,
  keys,
  mock,
  nextEvent,
  settle,
  until,
} from '../../../test/helpers.js';
import '../../define/cc-credit-app.js';
import type { CcCreditDecisionEvent } from '../../events/cc-credit-decision-event.js';
import type { CcProvider } from '../provider/provider.js';
import type { CcCreditApp } from './credit-app.js';
import type { CreditAppMode } from '../../internal/customer-api.js';
import { devWarningsPrinted } from '../../internal/dev-warnings.js';

/** A provider with a credit app inside, resolved once the config has loaded. */
async function mount(attributes: { mode?: string; locale?: string; theme?: string; key?: string } = {}) {
  const provider =
    await fixture<CcProvider>(html`<cc-provider publishable-key=${attributes.key ?? keys.valid} locale=${attributes.locale ?? 'en'}>
    <cc-credit-app mode=${(attributes.mode ?? 'credit_check') as CreditAppMode} theme=${attributes.theme ?? 'light'}></cc-credit-app>
  </cc-provider>`);
  const app = provider.querySelector('cc-credit-app')!;
  await until(() => provider.context?.status === 'ready', 'config loaded');
  await settle(app);
  return app;
}

const currentStep = (app: CcCreditApp) =>
  [...app.shadowRoot!.querySelectorAll('.steps li')].findIndex((li) => li.getAttribute('aria-current') === 'step');

describe('<cc-credit-app>: the form', () => {
  beforeEach(() => mock.reset());

  it('is accessible on its first step', async () => {
    const app = await mount();
    await expect(app).to.be.accessible();
  });

  it('is accessible with errors shown', async () => {
    const app = await mount();
    $(app, 'button[type="submit"]').click();
    await settle(app);
    expect(errorOf(app, 'legalName')).to.exist;
    await expect(app).to.be.accessible();
  });

  it('labels every control and shows progress with aria-current', async () => {
    const app = await mount();
    for (const control of app.shadowRoot!.querySelectorAll<HTMLInputElement>('input, select')) {
      expect(control.labels?.length, `#${control.id} has a label`).to.equal(1);
    }
    expect($(app, '.progress').textContent).to.equal('Step 1 of 3');
    expect(currentStep(app)).to.equal(0);
    expect($(app, '#step-title').textContent).to.equal('About your business');
    expect($(app, 'h2').textContent).to.equal('Apply for trade credit with Northwind Industrial Supply');
    expect($<HTMLSelectElement>(app, '#country').value, 'country from the locale').to.equal('US');
    expect($(app, 'label[for="line2"]').textContent).to.contain('(optional)');
  });

  it('can be completed with the keyboard alone', async function () {
    this.timeout(20000); // about a hundred real key presses, each a round trip to the browser
    const decision = nextEvent<CcCreditDecisionEvent>(document, 'cc-credit-decision');
    const provider = await fixture<CcProvider>(html`<div>
      <button id="before">Before</button>
      <cc-provider publishable-key=${keys.valid} locale="en"><cc-credit-app></cc-credit-app></cc-provider>
    </div>`);
    const app = provider.querySelector('cc-credit-app')!;
    await until(() => $maybe(app, '#legalName'), 'form shown');
    provider.querySelector<HTMLButtonElement>('#before')!.focus();
    const type = async (...entries: string[]) => {
      for (const text of entries) {
        await sendKeys({ press: 'Tab' });
        if (text) await sendKeys({ type: text });
      }
    };
    // legal name, tax id, line 1, line 2 (skipped), city, region, postal code, country (US kept), years, revenue, limit
    await type(
      'Harbor Freight Logistics LLC',
      '12-3456789',
      '200 Pier Avenue',
      '',
      'Oakland',
      'CA',
      '94607',
      '',
      '7',
      '2,500,000',
      '50,000',
    );
    await sendKeys({ press: 'Enter' });
    await until(() => currentStep(app) === 1, 'step 2');
    expect(focused(app)?.id, 'focus on the new step title').to.equal('step-title');
    await type('Dana Whitfield', 'dana@harborfreight.example');
    await sendKeys({ press: 'Enter' });
    await until(() => currentStep(app) === 2, 'step 3');
    await sendKeys({ press: 'Tab' });
    expect(focused(app)?.id).to.equal('consentAgreed');
    await sendKeys({ press: 'Space' });
    await type('Dana Whitfield');
    await sendKeys({ press: 'Enter' });
    expect((await decision).detail.status).to.equal('approved');
    const [request] = await mock.requests('/v1/credit-applications');
    expect(request!.body).to.deep.equal({
      mode: 'credit_check',
      business: {
        legalName: 'Harbor Freight Logistics LLC',
        taxId: '12-3456789',
        address: { line1: '200 Pier Avenue', city: 'Oakland', region: 'CA', postalCode: '94607', country: 'US' },
        yearsInBusiness: 7,
        annualRevenue: 250000000,
      },
      applicant: { name: 'Dana Whitfield', email: 'dana@harborfreight.example' },
      consent: { agreed: true, name: 'Dana Whitfield' },
      requestedCreditLimit: 5000000,
    });
  });

  it('goes back with the Back button, keeping the answers', async () => {
    const app = await mount();
    enter(app, 'legalName', 'Harbor Freight Logistics LLC');
    await completeApplication(app, { consentAgreed: false });
    await until(() => currentStep(app) === 2, 'step 3');
    $(app, 'button[type="button"]').click();
    await until(() => currentStep(app) === 1, 'back to step 2');
    expect($<HTMLInputElement>(app, '#applicantName').value).to.equal('Dana Whitfield');
    expect(focused(app)?.id).to.equal('step-title');
  });

  it('validates a field when the person leaves it, and clears the error as it is fixed', async () => {
    const app = await mount();
    const taxId = $<HTMLInputElement>(app, '#taxId');
    taxId.focus();
    taxId.blur();
    await settle(app);
    expect(errorOf(app, 'taxId'), 'not before anything was typed').to.equal(undefined);
    enter(app, 'taxId', '--');
    await settle(app);
    expect(taxId.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(app, 'taxId')).to.equal('Enter the tax ID as it appears on your tax documents, like 12-3456789.');
    enter(app, 'annualRevenue', '12.345');
    await settle(app);
    expect(errorOf(app, 'annualRevenue')).to.equal('USD amounts have at most 2 decimals.');
    enter(app, 'annualRevenue', 'lots');
    await settle(app);
    expect(errorOf(app, 'annualRevenue')).to.equal('Enter an amount like 1,250.50.');
    taxId.value = '12-3456789';
    taxId.dispatchEvent(new Event('input'));
    await settle(app);
    expect(taxId.getAttribute('aria-invalid')).to.equal('false');
    expect(errorOf(app, 'taxId')).to.equal(undefined);
  });

  it('on Continue shows every error of the step, announces them and focuses the first', async () => {
    const app = await mount();
    enter(app, 'legalName', 'Harbor Freight Logistics LLC');
    enter(app, 'yearsInBusiness', 'seven');
    $(app, 'button[type="submit"]').click();
    await settle(app);
    expect(currentStep(app)).to.equal(0);
    expect(focused(app)?.id).to.equal('taxId');
    expect(errorOf(app, 'taxId')).to.equal('Business tax ID: this field is required.');
    expect(errorOf(app, 'yearsInBusiness')).to.equal('Enter a whole number, like 5.');
    expect(errorOf(app, 'line2'), 'optional').to.equal(undefined);
    expect($(app, '[role="status"]').textContent).to.contain(
      'There are 7 problems to fix. Business tax ID: this field is required.',
    );
  });

  it('requires the consent box and a typed name', async () => {
    const app = await mount();
    await completeApplication(app, { consentAgreed: false, consentName: '' });
    await settle(app);
    expect(currentStep(app)).to.equal(2);
    expect(errorOf(app, 'consentAgreed')).to.equal('Tick the box to agree to the credit check.');
    expect(focused(app)?.id).to.equal('consentAgreed');
    expect(await mock.requests('/v1/credit-applications')).to.have.length(0);
  });

  it('reads amounts in the page locale and sends minor units of the merchant currency', async () => {
    const app = await mount({ key: keys.locked, locale: 'fr' });
    expect($(app, '#annualRevenue-hint').textContent!.replace(/\s/g, ' ')).to.equal(
      'Montant en EUR, par exemple 250 000.',
    );
    expect($<HTMLSelectElement>(app, '#country').value).to.equal('FR');
    await completeApplication(app, { annualRevenue: '1 234 567,89', requestedCreditLimit: '20 000' });
    await until(async () => (await mock.requests('/v1/credit-applications')).length === 1, 'submitted');
    const [request] = await mock.requests('/v1/credit-applications');
    const body = request!.body as { business: { annualRevenue: number }; requestedCreditLimit: number };
    expect(body.business.annualRevenue).to.equal(123456789);
    expect(body.requestedCreditLimit).to.equal(2000000);
  });

  it('speaks Spanish and French, and English for other languages', async () => {
    const es = await mount({ locale: 'es-MX' });
    expect($(es, '.progress').textContent).to.equal('Paso 1 de 3');
    expect($(es, 'label[for="legalName"]').textContent).to.equal('Razón social');
    expect($<HTMLSelectElement>(es, '#country').value).to.equal('MX');
    const fr = await mount({ locale: 'fr' });
    $(fr, 'button[type="submit"]').click();
    await settle(fr);
    expect(errorOf(fr, 'legalName')).to.equal("Raison sociale de l'entreprise : ce champ est obligatoire.");
    const de = await mount({ locale: 'de' });
    expect($(de, '.progress').textContent).to.equal('Step 1 of 3');
  });

  it('paints with the dark theme, and passes axe there too', async () => {
    const light = await mount({ theme: 'light' });
    const dark = await mount({ theme: 'dark' });
    expect(getComputedStyle(dark).backgroundColor).to.equal('rgb(17, 24, 39)');
    expect(getComputedStyle(light).backgroundColor).to.equal('rgb(255, 255, 255)');
    const primary = (el: Element) => getComputedStyle($(el, '[part~="button-primary"]')).backgroundColor;
    expect(primary(dark)).to.not.equal(primary(light));
    await expect(dark).to.be.accessible();
  });

  it('works without a provider, from its own attributes, and fires cc-ready with the config', async () => {
    const ready = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('cc-ready', resolve as EventListener, { once: true }),
    );
    const app = await fixture<CcCreditApp>(
      html`<cc-credit-app publishable-key=${keys.valid} locale="en"></cc-credit-app>`,
    );
    expect((await ready).detail.config.merchant.name).to.equal('Northwind Industrial Supply');
    await until(() => $maybe(app, '#legalName'), 'form shown');
    await completeApplication(app);
    await until(() => $maybe(app, '.decision'), 'decision shown');
  });

  it('warns in dev mode about an unknown mode', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    globalThis.ccDevMode = true; // dev warnings are off unless asked for
    try {
      await mount({ mode: 'credit_line' });
      await devWarningsPrinted();
    } finally {
      console.warn = warn;
      globalThis.ccDevMode = undefined;
    }
    expect(warnings.join()).to.contain('mode="credit_line" is unknown');
  });

  it('exposes its parts for ::part() styling', async () => {
    const app = await mount();
    for (const part of ['form', 'field', 'label', 'input', 'button-primary', 'amount']) {
      expect($maybe(app, `[part~="${part}"]`), part).to.exist;
    }
  });
});

/** Test-only element that renders the provider and credit app inside its own shadow root. */
class ShadowShop extends LitElement {
  override render() {
    return html`<cc-provider publishable-key=${keys.valid} locale="en"><cc-credit-app></cc-credit-app></cc-provider>`;
  }
}
customElements.define('shadow-shop', ShadowShop);

describe('<cc-credit-app> inside another shadow root', () => {
  beforeEach(() => mock.reset());

  it('works and its events leave the shadow root', async () => {
    // Target and path are read while the event is dispatched: afterwards the DOM clears them.
    const decision = new Promise<{ event: CcCreditDecisionEvent; target: EventTarget | null; path: EventTarget[] }>(
      (resolve) =>
        document.addEventListener(
          'cc-credit-decision',
          (event) => resolve({ event, target: event.target, path: event.composedPath() }),
          {
            once: true,
          },
        ),
    );
    const shop = await fixture<ShadowShop>(html`<shadow-shop></shadow-shop>`);
    const app = shop.shadowRoot!.querySelector('cc-credit-app')!;
    await until(() => $maybe(app, '#legalName'), 'config loaded through the provider in the shadow root');
    await expect(shop).to.be.accessible();
    await completeApplication(app);
    const { event, target, path } = await decision;
    expect(target === shop, 'retargeted to the shadow host').to.equal(true);
    expect(path[0] === app, 'dispatched by the credit app').to.equal(true);
    expect(event.detail.status).to.equal('approved');
  });
});
