import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { readableTextOn } from '../internal/contrast.js';
import type { ApiKey, Page, SdkManifest } from './api.js';
import { Load } from './load.js';
import { ConsolePart, loadView, select } from './part.js';

export interface EmbedChoice {
  value: string;
  label: string;
  tag: string;
  attributes: string;
  note?: string;
}

export const embedChoices: EmbedChoice[] = [
  { value: 'credit-app', label: 'Credit application (credit check only)', tag: 'cc-credit-app', attributes: ' mode="credit_check"' },
  { value: 'credit-app-terms', label: 'Credit application with a terms offer', tag: 'cc-credit-app', attributes: ' mode="credit_check_with_terms"' },
  { value: 'wallet', label: 'Customer wallet', tag: 'cc-wallet', attributes: '', note: 'The wallet opens from the link in your emails (cc_token); without one it offers to email a fresh link.' },
  { value: 'terms-offer', label: 'Terms offer', tag: 'cc-terms-offer', attributes: ' offer-id="off_…"', note: 'Set offer-id to the offer; the customer needs a session from their emailed link.' },
  { value: 'payment-request', label: 'Payment request', tag: 'cc-payment-request', attributes: ' request-id="pr_…"', note: 'Set request-id; the customer needs a session from their emailed link.' },
  { value: 'dispute-form', label: 'Dispute form', tag: 'cc-dispute-form', attributes: ' invoice-id="inv_…"', note: 'Set invoice-id; the customer needs a session from their emailed link.' },
];

export const fontChoices = [
  { value: '', label: 'The default (system font)' },
  { value: 'Georgia, "Times New Roman", serif', label: 'Serif (Georgia)' },
  { value: '"Helvetica Neue", Arial, sans-serif', label: 'Sans-serif (Helvetica, Arial)' },
  { value: 'Inter, system-ui, sans-serif', label: 'Inter' },
  { value: 'ui-monospace, Menlo, Consolas, monospace', label: 'Monospace' },
];

export interface EmbedTheme {
  preset: 'light' | 'dark';
  primary: string;
  radius: string;
  font: string;
}

/** The CSS custom properties a theme sets (only those that differ from the defaults). */
export function themeProperties(theme: EmbedTheme): Record<string, string> {
  const props: Record<string, string> = {};
  if (theme.primary) {
    props['--cc-color-primary'] = theme.primary;
    const on = readableTextOn(theme.primary);
    if (on) props['--cc-color-on-primary'] = on;
  }
  if (theme.radius) props['--cc-radius'] = theme.radius;
  if (theme.font) props['--cc-font-family'] = theme.font;
  return props;
}

const escapeAttr = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The HTML a merchant pastes into a page. */
export function embedSnippet(opts: { origin: string; manifest: SdkManifest; publishableKey: string; choice: EmbedChoice; theme: EmbedTheme }): string {
  const { origin, manifest, publishableKey, choice, theme } = opts;
  const src = `${origin}${manifest.hashedPath ?? manifest.script}`;
  const integrity = manifest.integrity ? ` integrity="${escapeAttr(manifest.integrity)}" crossorigin="anonymous"` : ' crossorigin="anonymous"';
  const lines = [`<script type="module" src="${escapeAttr(src)}"${integrity}></script>`];
  const props = Object.entries(themeProperties(theme));
  if (props.length) {
    lines.push('<style>', '  cc-provider {', ...props.map(([k, v]) => `    ${k}: ${v};`), '  }', '</style>');
  }
  const themeAttr = theme.preset === 'dark' ? ' theme="dark"' : '';
  lines.push(`<cc-provider publishable-key="${escapeAttr(publishableKey)}"${themeAttr}>`, `  <${choice.tag}${choice.attributes}></${choice.tag}>`, '</cc-provider>');
  return lines.join('\n');
}

interface EmbedData {
  manifest: SdkManifest;
  keys: ApiKey[];
}

/**
 * The embed page: the snippet for each widget (the content-hashed SDK URL with its
 * `integrity`, the provider with the publishable key, the element), theme controls that
 * write the CSS custom properties into it, a copy button and a live preview.
 *
 * @tagname cc-console-embed
 */
export class CcConsoleEmbed extends ConsolePart {
  @state() private choice = 'credit-app';
  @state() private look: EmbedTheme = { preset: 'light', primary: '', radius: '', font: '' };
  @state() private keyId = '';
  @state() private preview: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private copied = '';

  readonly data = new Load<EmbedData>(this, async (signal) => {
    const api = this.ctx!.api;
    const [manifest, keys] = await Promise.all([
      api.get<SdkManifest>('/sdk/manifest.json', undefined, signal),
      this.isAdmin ? api.get<Page<ApiKey>>('/v1/api-keys', { limit: 100 }, signal).then((p) => p.data.filter((k) => k.kind === 'publishable' && !k.revokedAt)) : Promise.resolve([]),
    ]);
    return { manifest, keys };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.ctx) return;
    if (this.data.state === 'idle') {
      const t = this.ctx.merchant.settings.theme;
      this.look = { ...this.look, primary: t.primaryColor ?? '', radius: t.radius ?? '', font: t.fontFamily ?? '' };
      void this.data.run();
    }
    if (this.data.state === 'ready' && this.preview === 'idle') void this.#loadSdk();
  }

  get #origin(): string {
    return this.ctx?.api.apiBase ?? location.origin;
  }

  async #loadSdk(): Promise<void> {
    const manifest = this.data.value?.manifest;
    if (!manifest || !this.#publishableKey()) return;
    this.preview = 'loading';
    try {
      await import(/* @vite-ignore */ `${this.#origin}${manifest.hashedPath ?? manifest.script}`);
      this.preview = 'ready';
    } catch {
      this.preview = 'error';
    }
  }

  #publishableKey(): string {
    const keys = this.data.value?.keys ?? [];
    return (keys.find((k) => k.id === this.keyId) ?? keys[0])?.publishableKey ?? '';
  }

  protected override render(): TemplateResult {
    return html`<div class="page">
      <h1 tabindex="-1">Embed the widgets</h1>
      <p>Paste the snippet into any page of your site. The script is pinned to this exact SDK build with Subresource Integrity.</p>
      ${loadView(this.data, 'the SDK details', (d) => this.#body(d))}
    </div>`;
  }

  #body(d: EmbedData): TemplateResult {
    const choice = embedChoices.find((c) => c.value === this.choice) ?? embedChoices[0]!;
    const key = this.#publishableKey();
    const snippet = embedSnippet({ origin: this.#origin, manifest: d.manifest, publishableKey: key || 'pk_…', choice, theme: this.look });
    const origins = this.ctx!.merchant.settings.allowedOrigins;
    return html`<section class="card" aria-labelledby="snippet-h">
        <h2 id="snippet-h">Snippet</h2>
        ${this.isAdmin
          ? d.keys.length > 1
            ? select({ id: 'embed-key', label: 'Publishable key', value: this.keyId || d.keys[0]!.id, options: d.keys.map((k) => ({ value: k.id, label: k.publishableKey ?? k.last4 })), onInput: (v) => (this.keyId = v) })
            : d.keys.length
              ? nothing
              : html`<p class="alert" role="note">You have no publishable key. <a href="#/settings/api-keys">Create one</a>.</p>`
          : html`<p class="alert" role="note">Only an admin can read the API keys: ask an admin for your publishable key and put it in place of <code>pk_…</code>.</p>`}
        <div class="grid-2">
          ${select({ id: 'embed-element', label: 'Widget', value: this.choice, options: embedChoices.map((c) => ({ value: c.value, label: c.label })), onInput: (v) => (this.choice = v) })}
          ${select({ id: 'embed-preset', label: 'Preset', value: this.look.preset, options: [{ value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }], onInput: (v) => (this.look = { ...this.look, preset: v as 'light' }) })}
          <div class="field">
            <label for="embed-color">Brand colour</label>
            <div class="actions">
              <input id="embed-color" type="color" .value=${this.look.primary || '#1d4ed8'} @input=${(e: Event) => (this.look = { ...this.look, primary: (e.target as HTMLInputElement).value })} />
              <button type="button" ?disabled=${!this.look.primary} @click=${() => (this.look = { ...this.look, primary: '' })}>Use the default</button>
            </div>
          </div>
          ${select({ id: 'embed-radius', label: 'Corner radius', value: this.look.radius, options: [{ value: '', label: 'Default (0.375rem)' }, { value: '0', label: 'Square (0)' }, { value: '4px', label: 'Small (4px)' }, { value: '8px', label: 'Medium (8px)' }, { value: '16px', label: 'Large (16px)' }, ...(this.look.radius && !['0', '4px', '8px', '16px'].includes(this.look.radius) ? [{ value: this.look.radius, label: this.look.radius }] : [])], onInput: (v) => (this.look = { ...this.look, radius: v }) })}
          ${select({ id: 'embed-font', label: 'Font', value: this.look.font, options: [...fontChoices, ...(this.look.font && !fontChoices.some((f) => f.value === this.look.font) ? [{ value: this.look.font, label: this.look.font }] : [])], onInput: (v) => (this.look = { ...this.look, font: v }) })}
        </div>
        ${choice.note ? html`<p class="muted">${choice.note}</p>` : nothing}
        <pre id="snippet-box" role="region" aria-label="Snippet to copy" tabindex="0"><code id="snippet">${snippet}</code></pre>
        <div class="actions">
          <button type="button" class="primary" id="copy-snippet" @click=${() => this.#copy(snippet)}>Copy snippet</button>
          <span role="status" class="muted">${this.copied}</span>
        </div>
        <p class="muted">The widgets only work on your allowed origins${origins.length ? html`: ${origins.join(', ')}` : html` (none yet: <a href="#/settings">add your site</a>)`}.</p>
      </section>
      <section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h">Live preview</h2>
        ${this.#preview(choice, key)}
      </section>`;
  }

  #preview(choice: EmbedChoice, key: string): unknown {
    if (!key) return html`<p class="muted">The preview needs a publishable key.</p>`;
    if (this.preview === 'error') return html`<p class="alert" role="alert">The SDK could not be loaded for the preview.</p>`;
    if (this.preview !== 'ready') return html`<p class="state" role="status">Loading the SDK…</p>`;
    if (!customElements.get(choice.tag)) return html`<p class="muted">&lt;${choice.tag}&gt; is not in this SDK build yet.</p>`;
    const attrs = choice.attributes.replace(/="[^"]*…"/g, '=""');
    return html`<p class="muted">The preview is live: what you submit in it reaches your account.</p>
      <div class="preview">${unsafeHTML(
        `<cc-provider publishable-key="${escapeAttr(key)}" theme="${this.look.preset}" data-preview><${choice.tag}${attrs}></${choice.tag}></cc-provider>`,
      )}</div>
      ${this.#styleProvider()}`;
  }

  /** Applies the theme's properties to the preview's provider (CSSOM, allowed by the page's CSP). */
  #styleProvider(): typeof nothing {
    void this.updateComplete.then(() => {
      const provider = this.renderRoot.querySelector<HTMLElement>('cc-provider[data-preview]');
      if (!provider) return;
      provider.setAttribute('theme', this.look.preset);
      const props = themeProperties(this.look);
      for (const name of ['--cc-color-primary', '--cc-color-on-primary', '--cc-radius', '--cc-font-family']) {
        if (props[name]) provider.style.setProperty(name, props[name]);
        else provider.style.removeProperty(name);
      }
    });
    return nothing;
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = 'Snippet copied.';
    } catch {
      const range = document.createRange();
      const code = this.renderRoot.querySelector('#snippet');
      if (code) {
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
      this.copied = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
    }
  }
}
