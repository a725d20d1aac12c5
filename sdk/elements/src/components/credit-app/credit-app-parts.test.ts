// State parts a page's stylesheet can reach: `input-invalid` on a field in error and
// `button-busy` on the button whose action runs.
import { expect, fixture, html } from '@open-wc/testing';
import { $, completeApplication, enter, keys, mock, settle, until } from '../../../test/helpers.js';
import '../../define/cc-credit-app.js';
import type { CcProvider } from '../provider/provider.js';

async function mount() {
  const provider = await fixture<CcProvider>(html`<cc-provider publishable-key=${keys.valid} locale="en">
    <cc-credit-app mode="credit_check"></cc-credit-app>
  </cc-provider>`);
  const app = provider.querySelector('cc-credit-app')!;
  await until(() => provider.context?.status === 'ready', 'config loaded');
  await settle(app);
  return app;
}

const parts = (app: Element, selector: string) =>
  [...app.shadowRoot!.querySelectorAll(selector)].map((el) => el.getAttribute('part'));

describe('<cc-credit-app>: state parts', () => {
  beforeEach(() => mock.reset());

  it('marks each field in error with the input-invalid part, and only those', async () => {
    const app = await mount();
    expect(parts(app, '[part~="input-invalid"]')).to.deep.equal([]);
    $(app, 'button[type="submit"]').click();
    await settle(app);
    const invalid = [...app.shadowRoot!.querySelectorAll('[aria-invalid="true"]')];
    expect(invalid.length).to.be.greaterThan(0);
    for (const control of invalid) expect(control.getAttribute('part')).to.match(/\binput-invalid\b/);
    enter(app, 'legalName', 'Northwind Buyer LLC');
    await settle(app);
    expect($(app, '#legalName').getAttribute('part')).to.equal('input');
  });

  it('marks the submit button with button-busy while the application is sent', async () => {
    const app = await mount();
    const realFetch = window.fetch;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The request still goes to the API; it is only held until the test has looked.
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/v1/credit-applications') && init?.method === 'POST') await gate;
      return realFetch(input, init);
    };
    try {
      await completeApplication(app);
      await until(
        () => $(app, 'button[type="submit"]').getAttribute('part')?.includes('button-busy'),
        'the submit button is busy',
      );
      expect($(app, 'button[type="submit"]').getAttribute('part')).to.equal('button button-primary button-busy');
    } finally {
      release();
      window.fetch = realFetch;
    }
    await until(() => !app.shadowRoot!.querySelector('[part~="button-busy"]'), 'busy no more');
  });
});
