import { expect } from '@open-wc/testing';
import '../define/cc-provider.js';
import { CcProvider } from '../components/provider/provider.js';
import { define } from './define.js';
import { devWarningsPrinted } from './dev-warnings.js';

describe('define', () => {
  it('lets a define file run twice without throwing', async () => {
    // A new URL makes the browser evaluate the module again, as a second <script> would.
    const again = '../define/cc-provider.ts?second-load';
    await import(again);
    expect(customElements.get('cc-provider')).to.equal(CcProvider);
  });

  it('ignores a second registration of the same class', () => {
    expect(() => define('cc-provider', CcProvider)).to.not.throw();
  });

  it('keeps the first class when another copy of the SDK registers the tag', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    globalThis.ccDevMode = true; // dev warnings are off unless asked for
    try {
      expect(() => define('cc-provider', class extends CcProvider {})).to.not.throw();
      await devWarningsPrinted();
    } finally {
      console.warn = warn;
      globalThis.ccDevMode = undefined;
    }
    expect(customElements.get('cc-provider')).to.equal(CcProvider);
    expect(warnings.join()).to.contain('<cc-provider> is already defined');
  });

  it('registers a tag that is free', () => {
    class FreshElement extends HTMLElement {}
    define('define-test-fresh', FreshElement);
    expect(customElements.get('define-test-fresh')).to.equal(FreshElement);
  });
});
