import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css } from 'lit';
import '../define/cc-provider.js';
import { CcElement } from '../internal/cc-element.js';
import { devWarningsPrinted } from '../internal/dev-warnings.js';

/** Test-only element painting itself with the private tokens, as components do. */
class ThemeSwatch extends CcElement {
  static override styles = [
    CcElement.styles,
    css`
      :host {
        display: block;
        padding: var(--_cc-space);
        font-family: var(--_cc-font-family);
        color: var(--_cc-color-text);
        background: var(--_cc-color-surface);
        border: 1px solid var(--_cc-color-border);
      }
      .muted { color: var(--_cc-color-muted); }
      .danger { color: var(--_cc-color-danger); }
      .success { color: var(--_cc-color-success); }
      button {
        color: var(--_cc-color-on-primary);
        background: var(--_cc-color-primary);
        border-radius: var(--_cc-radius);
      }
      button:focus-visible { outline: var(--_cc-focus-ring); }
    `,
  ];

  override render() {
    return html`<p>Balance due</p>
      <p class="muted">Due in 30 days</p>
      <p class="danger">Overdue</p>
      <p class="success">Paid</p>
      <button>Pay now</button>`;
  }
}
customElements.define('theme-swatch', ThemeSwatch);

const surface = (el: Element) => getComputedStyle(el).backgroundColor;
const button = (el: Element) => getComputedStyle(el.shadowRoot!.querySelector('button')!);

describe('design tokens', () => {
  it('is accessible in the light and dark themes (AA contrast)', async () => {
    const el = await fixture(html`<div>
      <theme-swatch theme="light"></theme-swatch>
      <theme-swatch theme="dark"></theme-swatch>
    </div>`);
    await expect(el).to.be.accessible();
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    try {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await fixture<ThemeSwatch>(html`<theme-swatch theme="auto"></theme-swatch>`);
      expect(surface(el)).to.equal('rgb(17, 24, 39)');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await emulateMedia({ colorScheme: 'light' });
      expect(surface(el)).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(el).colorScheme).to.equal('light');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('applies the light defaults without a theme, and different colours with theme="dark"', async () => {
    const light = await fixture<ThemeSwatch>(html`<theme-swatch></theme-swatch>`);
    const dark = await fixture<ThemeSwatch>(html`<theme-swatch theme="dark"></theme-swatch>`);
    expect(surface(light)).to.equal('rgb(255, 255, 255)');
    expect(surface(dark)).to.equal('rgb(17, 24, 39)');
    expect(button(dark).backgroundColor).to.not.equal(button(light).backgroundColor);
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
  });

  it('follows the theme property and reflects it', async () => {
    const el = await fixture<ThemeSwatch>(html`<theme-swatch></theme-swatch>`);
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(surface(el)).to.equal('rgb(17, 24, 39)');
  });

  it('inherits the theme of the provider around it, unless it sets its own', async () => {
    const provider = await fixture(html`<cc-provider theme="dark" publishable-key="pk_test_northwind">
      <theme-swatch id="inherits"></theme-swatch>
      <theme-swatch id="own" theme="light"></theme-swatch>
    </cc-provider>`);
    expect(surface(provider.querySelector('#inherits')!)).to.equal('rgb(17, 24, 39)');
    expect(surface(provider.querySelector('#own')!)).to.equal('rgb(255, 255, 255)');
  });

  it('lets a page --cc-* property on an ancestor win over either theme', async () => {
    const page = await fixture(html`<div style="--cc-color-primary: rgb(1, 2, 3); --cc-radius: 3px">
      <theme-swatch></theme-swatch>
      <theme-swatch theme="dark"></theme-swatch>
    </div>`);
    for (const swatch of page.querySelectorAll('theme-swatch')) {
      expect(button(swatch).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(button(swatch).borderTopLeftRadius).to.equal('3px');
    }
  });

  it('warns in dev mode about an unknown theme', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    globalThis.ccDevMode = true; // dev warnings are off unless asked for
    try {
      const el = await fixture<ThemeSwatch>(html`<theme-swatch theme=${'sepia' as 'light'}></theme-swatch>`);
      await el.updateComplete;
      await devWarningsPrinted();
    } finally {
      console.warn = warn;
      globalThis.ccDevMode = undefined;
    }
    expect(warnings.join()).to.contain('theme="sepia" is unknown');
  });
});
