import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../define/cc-provider.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import { CcReadyEvent } from '../../events/cc-ready-event.js';
import { CcElement } from '../../internal/cc-element.js';
import { ConfigController } from '../../internal/config-controller.js';
import type { CcProvider } from './provider.js';
import { devWarningsPrinted } from '../../internal/dev-warnings.js';

// Keys the test server's mock API knows (sdk/test/mock-api.js); any other key answers 401.
const validKey = 'pk_test_northwind';
const brandedKey = 'pk_test_branded';
const slowKey = 'pk_test_slow';

/** Test-only consumer, built as future components will be. */
class ConfigProbe extends CcElement {
  readonly cc = new ConfigController(this);

  override render() {
    return html`<p>${this.cc.status}: ${this.cc.config?.merchant.name ?? ''}</p>`;
  }
}
customElements.define('config-probe', ConfigProbe);

/** Test-only element that renders a provider inside its own shadow root. */
class ShadowHost extends LitElement {
  override render() {
    return html`<cc-provider publishable-key=${validKey}><config-probe></config-probe></cc-provider>`;
  }
}
customElements.define('shadow-host', ShadowHost);

/** A listener to bind in a template (so it is in place before the element connects) and the event it caught. */
function nextEvent<E extends Event>() {
  let listener!: (event: E) => void;
  const event = new Promise<E>((resolve) => (listener = resolve));
  return { listener, event };
}

/** Dev warnings: a page prints them only in dev mode (here forced on; `debug` attributes are tested in dev-warnings.test.ts). */
function captureWarnings() {
  globalThis.ccDevMode = true;
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  const restore = async () => {
    await devWarningsPrinted(); // their texts load first
    console.warn = warn;
    globalThis.ccDevMode = undefined;
  };
  return { warnings, restore };
}

describe('<cc-provider>', () => {
  it('is accessible', async () => {
    const ready = nextEvent<CcReadyEvent>();
    const el = await fixture(html`<cc-provider publishable-key=${validKey} @cc-ready=${ready.listener}>
      <p>Apply for trade credit</p>
      <config-probe></config-probe>
    </cc-provider>`);
    await ready.event;
    await expect(el).to.be.accessible();
  });

  it('loads the public config and provides it to a nested element through context', async () => {
    const ready = nextEvent<CcReadyEvent>();
    const provider =
      await fixture<CcProvider>(html`<cc-provider publishable-key=${validKey} @cc-ready=${ready.listener}>
      <section><config-probe></config-probe></section>
    </cc-provider>`);
    const probe = provider.querySelector<ConfigProbe>('config-probe')!;
    expect(probe.cc.status).to.equal('loading');

    const event = await ready.event;
    await probe.updateComplete;
    expect(event).to.be.instanceOf(CcReadyEvent);
    expect(event.detail.config.merchant.name, 'cc-ready carries the public config').to.equal(
      'Northwind Industrial Supply',
    );
    expect(event.detail.config).to.deep.equal(provider.context?.config);
    expect(provider.context?.status).to.equal('ready');
    expect(probe.cc.provided).to.equal(true);
    expect(probe.cc.client).to.equal(provider.context?.client);
    expect(probe.cc.client?.publishableKey).to.equal(validKey);
    expect(probe.cc.config?.merchant).to.deep.equal({ id: 'mer_test_northwind', name: 'Northwind Industrial Supply' });
    expect(probe.cc.config?.allowedNetDays).to.deep.equal([30, 45, 60]);
    expect(probe.shadowRoot!.textContent).to.contain('ready: Northwind Industrial Supply');
  });

  it('shows only its children', async () => {
    const provider = await fixture(html`<cc-provider publishable-key=${validKey}><p>Content</p></cc-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.shadowRoot!.querySelector('slot')).to.exist;
  });

  it('fires cc-ready that bubbles out of a shadow root', async () => {
    let onReady!: (event: Event) => void;
    const caught = new Promise<{ event: Event; path: EventTarget[]; target: EventTarget | null }>((resolve) => {
      onReady = (event) => resolve({ event, path: event.composedPath(), target: event.target });
    });
    document.addEventListener('cc-ready', onReady);
    try {
      const host = await fixture<ShadowHost>(html`<shadow-host></shadow-host>`);
      const { event, path, target } = await caught;
      const provider = host.shadowRoot!.querySelector('cc-provider')!;
      expect(event).to.be.instanceOf(CcReadyEvent);
      expect(target, 'retargeted to the shadow host').to.equal(host);
      expect(path[0]).to.equal(provider);
      const probe = provider.querySelector<ConfigProbe>('config-probe')!;
      await probe.updateComplete;
      expect(probe.cc.config?.merchant.name).to.equal('Northwind Industrial Supply');
    } finally {
      document.removeEventListener('cc-ready', onReady);
    }
  });

  it('fires cc-error with the API code when the key is refused (401)', async () => {
    const failed = nextEvent<CcErrorEvent>();
    const provider =
      await fixture<CcProvider>(html`<cc-provider publishable-key="pk_test_unknown" @cc-error=${failed.listener}>
      <config-probe></config-probe>
    </cc-provider>`);
    const event = await failed.event;
    expect(event).to.be.instanceOf(CcErrorEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      code: 'invalid_credentials',
      message: 'This publishable key is unknown or revoked.',
    });
    expect(provider.context?.status).to.equal('error');
    expect(provider.context?.error).to.include({ status: 401, type: 'authentication', code: 'invalid_credentials' });
    const probe = provider.querySelector<ConfigProbe>('config-probe')!;
    await probe.updateComplete;
    expect(probe.cc.status).to.equal('error');
  });

  it("fires cc-error origin_not_allowed (403) when the page is not one of the merchant's origins", async () => {
    const failed = nextEvent<CcErrorEvent>();
    const provider = await fixture<CcProvider>(
      html`<cc-provider publishable-key="pk_test_elsewhere" @cc-error=${failed.listener}></cc-provider>`,
    );
    expect((await failed.event).detail.code).to.equal('origin_not_allowed');
    expect(provider.context?.error).to.include({ status: 403, type: 'permission', code: 'origin_not_allowed' });
  });

  it('fires cc-error network_error when the API cannot be reached', async () => {
    const failed = nextEvent<CcErrorEvent>();
    await fixture(
      html`<cc-provider publishable-key=${validKey} api-base="http://127.0.0.1:9" @cc-error=${failed.listener}></cc-provider>`,
    );
    expect((await failed.event).detail.code).to.equal('network_error');
  });

  it('warns in dev mode and fires cc-error when no publishable key is set', async () => {
    const failed = nextEvent<CcErrorEvent>();
    const { warnings, restore } = captureWarnings();
    try {
      await fixture(html`<cc-provider @cc-error=${failed.listener}></cc-provider>`);
      expect((await failed.event).detail.code).to.equal('publishable_key_missing');
    } finally {
      await restore();
    }
    expect(warnings.join()).to.contain('<cc-provider> has no publishable key');
  });

  it('reloads when its publishable key changes', async () => {
    const failed = nextEvent<CcErrorEvent>();
    const provider =
      await fixture<CcProvider>(html`<cc-provider publishable-key="pk_test_unknown" @cc-error=${failed.listener}>
      <config-probe></config-probe>
    </cc-provider>`);
    await failed.event;
    const ready = new Promise((resolve) => provider.addEventListener('cc-ready', resolve, { once: true }));
    provider.setAttribute('publishable-key', validKey);
    await ready;
    const probe = provider.querySelector<ConfigProbe>('config-probe')!;
    await probe.updateComplete;
    expect(probe.cc.status).to.equal('ready');
    expect(probe.cc.client?.publishableKey).to.equal(validKey);
  });

  it('only reports the config of its latest key', async () => {
    const events: string[] = [];
    const provider = await fixture<CcProvider>(html`<cc-provider
      publishable-key=${slowKey}
      @cc-ready=${() => events.push('ready')}
      @cc-error=${(event: CcErrorEvent) => events.push(event.detail.code)}
    ></cc-provider>`);
    provider.publishableKey = 'pk_test_unknown';
    await new Promise((resolve) => provider.addEventListener('cc-error', resolve, { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 400)); // past the slow answer
    expect(events).to.deep.equal(['invalid_credentials']);
    expect(provider.context?.status).to.equal('error');
  });

  it('provides its locale, the page language by default, and lets an element override it', async () => {
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'de';
    try {
      const byPage = await fixture<CcProvider>(html`<cc-provider publishable-key=${validKey}></cc-provider>`);
      expect(byPage.context?.locale).to.equal('de');
    } finally {
      document.documentElement.lang = lang;
    }
    const provider = await fixture<CcProvider>(html`<cc-provider publishable-key=${validKey} locale="fr">
      <config-probe></config-probe>
      <config-probe locale="es"></config-probe>
    </cc-provider>`);
    const [inherits, own] = provider.querySelectorAll<ConfigProbe>('config-probe');
    expect(provider.context?.locale).to.equal('fr');
    expect(inherits!.cc.locale).to.equal('fr');
    expect(own!.cc.locale).to.equal('es');
    provider.locale = 'en-GB';
    await provider.updateComplete;
    expect(inherits!.cc.locale).to.equal('en-GB');
  });

  it("applies the merchant's theme hints, with a readable on-primary colour", async () => {
    const ready = nextEvent<CcReadyEvent>();
    const provider = await fixture<CcProvider>(
      html`<cc-provider publishable-key=${brandedKey} @cc-ready=${ready.listener}></cc-provider>`,
    );
    await ready.event;
    expect(provider.style.getPropertyValue('--cc-color-primary')).to.equal('#fde047');
    expect(provider.style.getPropertyValue('--cc-color-on-primary')).to.equal('#111827');
    expect(provider.style.getPropertyValue('--cc-radius')).to.equal('12px');
    expect(provider.style.getPropertyValue('--cc-font-family')).to.equal('Georgia, serif');
  });

  it('leaves the theme properties the page sets alone', async () => {
    const ready = nextEvent<CcReadyEvent>();
    const page = await fixture(html`<div style="--cc-color-primary: rgb(1, 2, 3)">
      <cc-provider publishable-key=${brandedKey} @cc-ready=${ready.listener}></cc-provider>
    </div>`);
    await ready.event;
    const provider = page.querySelector('cc-provider')!;
    expect(provider.style.getPropertyValue('--cc-color-primary')).to.equal('');
    expect(provider.style.getPropertyValue('--cc-color-on-primary')).to.equal('');
    expect(provider.style.getPropertyValue('--cc-radius')).to.equal('12px');
    expect(getComputedStyle(provider).getPropertyValue('--cc-color-primary').trim()).to.equal('rgb(1, 2, 3)');
  });
});

describe('an element without a provider', () => {
  it('loads its config from its own attributes and fires cc-ready itself', async () => {
    const ready = nextEvent<CcReadyEvent>();
    const probe = await fixture<ConfigProbe>(html`<config-probe
      publishable-key=${validKey}
      api-base=${`${location.origin}/`}
      locale="es"
      @cc-ready=${ready.listener}
    ></config-probe>`);
    await ready.event;
    await probe.updateComplete;
    expect(probe.cc.provided).to.equal(false);
    expect(probe.cc.client?.apiBase).to.equal(location.origin);
    expect(probe.cc.config?.merchant.name).to.equal('Northwind Industrial Supply');
    expect(probe.cc.locale).to.equal('es');
    expect(probe.shadowRoot!.textContent).to.contain('ready: Northwind Industrial Supply');
  });

  it('warns in dev mode when it has no publishable key', async () => {
    const failed = nextEvent<CcErrorEvent>();
    const { warnings, restore } = captureWarnings();
    try {
      await fixture(html`<config-probe @cc-error=${failed.listener}></config-probe>`);
      expect((await failed.event).detail.code).to.equal('publishable_key_missing');
    } finally {
      await restore();
    }
    expect(warnings.join()).to.contain('<config-probe> has no publishable key');
  });

  it('switches to the provider it is moved into', async () => {
    const ready = nextEvent<CcReadyEvent>();
    const page = await fixture(html`<div>
      <cc-provider publishable-key=${validKey} @cc-ready=${ready.listener}></cc-provider>
      <config-probe publishable-key="pk_test_unknown"></config-probe>
    </div>`);
    await ready.event;
    const provider = page.querySelector<CcProvider>('cc-provider')!;
    const probe = page.querySelector<ConfigProbe>('config-probe')!;
    expect(probe.cc.provided).to.equal(false);
    provider.append(probe);
    await probe.updateComplete;
    expect(probe.cc.provided).to.equal(true);
    expect(probe.cc.status).to.equal('ready');
  });
});
