import { expect, fixture, html } from '@open-wc/testing';
import { devWarn, devWarning, devWarningsPrinted } from './dev-warnings.js';

/** The console.warn calls made while `run` runs. */
function warningsOf(run: () => void): string[] {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('dev warnings', () => {
  afterEach(() => (globalThis.ccDevMode = undefined));

  it('prints nothing on a page, on localhost too, unless asked for', async () => {
    expect(location.hostname).to.match(/^(localhost|127\.0\.0\.1)$/); // the test page itself
    const el = await fixture(html`<cc-credit-app></cc-credit-app>`);
    expect(warningsOf(() => (devWarn('quiet', el), devWarn('quiet')))).to.deep.equal([]);
  });

  it('prints with a debug attribute on the element, or on a CustomerConnect element around it (across shadow roots)', async () => {
    const own = await fixture(html`<cc-credit-app debug></cc-credit-app>`);
    const provider = await fixture(html`<cc-provider debug><div><cc-wallet></cc-wallet></div></cc-provider>`);
    const host = await fixture(html`<cc-wallet debug></cc-wallet>`);
    const inner = document.createElement('cc-dispute-form');
    (host.shadowRoot ?? host.attachShadow({ mode: 'open' })).append(inner);
    const plain = await fixture(html`<div debug><cc-terms-offer></cc-terms-offer></div>`);
    expect(
      warningsOf(() => {
        devWarn('own', own);
        devWarn('provider', provider.querySelector('cc-wallet'));
        devWarn('shadow', inner);
        devWarn('not a CustomerConnect ancestor', plain.querySelector('cc-terms-offer'));
      }),
    ).to.deep.equal(['[CustomerConnect] own', '[CustomerConnect] provider', '[CustomerConnect] shadow']);
  });

  it('follows globalThis.ccDevMode when set (a development setup), either way', async () => {
    const el = await fixture(html`<cc-credit-app debug></cc-credit-app>`);
    globalThis.ccDevMode = false;
    expect(warningsOf(() => devWarn('off', el))).to.deep.equal([]);
    globalThis.ccDevMode = true;
    expect(warningsOf(() => devWarn('on'))).to.deep.equal(['[CustomerConnect] on']);
  });

  it("prints the SDK's own warnings with their texts, loaded only when one is due", async () => {
    const textsModule = () => performance.getEntriesByType('resource').some((e) => e.name.includes('/dev-texts.'));
    const quiet = await fixture(html`<cc-credit-app></cc-credit-app>`);
    const debug = await fixture(html`<cc-credit-app debug></cc-credit-app>`);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      devWarning(quiet, 'unknownMode', 'quiet');
      await devWarningsPrinted();
      expect(textsModule(), 'no texts downloaded on a page without debug').to.equal(false);
      devWarning(debug, 'unknownMode', 'credit_line');
      devWarning(debug, 'definedTwice', 'cc-wallet');
      await devWarningsPrinted();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal([
      '[CustomerConnect] <cc-credit-app> mode="credit_line" is unknown; use "credit_check" or "credit_check_with_terms".',
      '[CustomerConnect] <cc-wallet> is already defined by another copy of the SDK; keeping the first one.',
    ]);
    expect(textsModule(), 'loaded for the element with debug').to.equal(true);
  });
});
