import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { readableTextOn } from '@customerconnect/sdk/internal';
import type { ApiKey, Page, SdkManifest } from './api.js';
import { Load } from './load.js';
import type { ConsoleMessages } from './messages.js';
import { ConsolePart, loadView, select } from './part.js';

type EmbedMessages = ConsoleMessages['embed'];

export interface EmbedChoice {
  /** Also the key of its name in the messages' `embed.widgets`, and of its note (if any) in `embed.notes`. */
  value: keyof EmbedMessages['widgets'];
  tag: string;
  attributes: string;
}

export const embedChoices: EmbedChoice[] = [
  { value: 'credit-app', tag: 'cc-credit-app', attributes: ' mode="credit_check"' },
  { value: 'credit-app-terms', tag: 'cc-credit-app', attributes: ' mode="credit_check_with_terms"' },
  { value: 'wallet', tag: 'cc-wallet', attributes: '' },
  { value: 'terms-offer', tag: 'cc-terms-offer', attributes: ' offer-id="off_…"' },
  { value: 'payment-request', tag: 'cc-payment-request', attributes: ' request-id="pr_…"' },
  { value: 'dispute-form', tag: 'cc-dispute-form', attributes: ' invoice-id="inv_…"' },
];

/** Font stacks to pick from; `label` is the key of the name in the messages' `embed.fonts`. */
export const fontChoices: { value: string; label: keyof EmbedMessages['fonts'] }[] = [
  { value: '', label: 'system' },
  { value: 'Georgia, "Times New Roman", serif', label: 'serif' },
  { value: '"Helvetica Neue", Arial, sans-serif', label: 'sans' },
  { value: 'Inter, system-ui, sans-serif', label: 'inter' },
  { value: 'ui-monospace, Menlo, Consolas, monospace', label: 'mono' },
];

/** Corner radii to pick from; `label` is the key of the name in the messages' `embed.radii`. */
const radiusChoices: { value: string; label: keyof EmbedMessages['radii'] }[] = [
  { value: '', label: 'default' },
  { value: '0', label: 'square' },
  { value: '4px', label: 'small' },
  { value: '8px', label: 'medium' },
  { value: '16px', label: 'large' },
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

/** Which script URL the snippet uses: the evergreen `v1` (default) or this release, pinned with SRI. */
export type ScriptChoice = 'evergreen' | 'pinned';

/** The `<script>` tag: evergreen gets fixes without a change; pinned never changes (strict CSPs, SRI). */
function scriptTag(origin: string, manifest: SdkManifest, script: ScriptChoice): string {
  if (script === 'evergreen') {
    return `<script type="module" src="${escapeAttr(`${origin}${manifest.evergreen ?? manifest.script}`)}"></script>`;
  }
  const src = `${origin}${manifest.pinned ?? manifest.hashedPath ?? manifest.script}`;
  const integrity = manifest.integrity
    ? ` integrity="${escapeAttr(manifest.integrity)}" crossorigin="anonymous"`
    : ' crossorigin="anonymous"';
  return `<script type="module" src="${escapeAttr(src)}"${integrity}></script>`;
}

/** The HTML a merchant pastes into a page. */
export function embedSnippet(opts: {
  origin: string;
  manifest: SdkManifest;
  publishableKey: string;
  choice: EmbedChoice;
  theme: EmbedTheme;
  script?: ScriptChoice;
}): string {
  const { origin, manifest, publishableKey, choice, theme } = opts;
  const lines = [scriptTag(origin, manifest, opts.script ?? 'evergreen')];
  const props = Object.entries(themeProperties(theme));
  if (props.length) {
    lines.push('<style>', '  cc-provider {', ...props.map(([k, v]) => `    ${k}: ${v};`), '  }', '</style>');
  }
  const themeAttr = theme.preset === 'dark' ? ' theme="dark"' : '';
  lines.push(
    `<cc-provider publishable-key="${escapeAttr(publishableKey)}"${themeAttr}>`,
    `  <${choice.tag}${choice.attributes}></${choice.tag}>`,
    '</cc-provider>',
  );
  return lines.join('\n');
}

interface EmbedData {
  manifest: SdkManifest;
  keys: ApiKey[];
}

/**
 * The embed page: the snippet for each widget (the evergreen SDK URL, or this release's
 * pinned URL with its `integrity`), the provider with the publishable key, the element), theme controls that
 * write the CSS custom properties into it, a copy button and a live preview.
 *
 * @tagname cc-console-embed
 */
export class CcConsoleEmbed extends ConsolePart {
  @state() private choice = 'credit-app';
  @state() private script: ScriptChoice = 'evergreen';
  @state() private look: EmbedTheme = { preset: 'light', primary: '', radius: '', font: '' };
  @state() private keyId = '';
  @state() private preview: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  @state() private copied = '';

  readonly data = new Load<EmbedData>(this, async (signal) => {
    const api = this.ctx!.api;
    const [manifest, keys] = await Promise.all([
      api.get<SdkManifest>('/sdk/manifest.json', undefined, signal),
      this.isAdmin
        ? api
            .get<Page<ApiKey>>('/v1/api-keys', { limit: 100 }, signal)
            .then((p) => p.data.filter((k) => k.kind === 'publishable' && !k.revokedAt))
        : Promise.resolve([]),
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
      // cc-sdk.js is a lazy loader: define every element now, so the preview can tell what the build has.
      await (globalThis as { ccSdk?: { load(): Promise<void> } }).ccSdk?.load();
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
    const t = this.t;
    return html`<div class="page">
      <h1 tabindex="-1">${t.embed.heading}</h1>
      <p>${t.embed.intro}</p>
      ${loadView(t, this.data, t.embed.what, (d) => this.#body(d))}
    </div>`;
  }

  #body(d: EmbedData): TemplateResult {
    const choice = embedChoices.find((c) => c.value === this.choice) ?? embedChoices[0]!;
    const key = this.#publishableKey();
    const snippet = embedSnippet({
      origin: this.#origin,
      manifest: d.manifest,
      publishableKey: key || 'pk_…',
      choice,
      theme: this.look,
      script: this.script,
    });
    const origins = this.ctx!.merchant.settings.allowedOrigins;
    const t = this.t;
    const m = t.embed;
    const notes: Partial<Record<string, string>> = m.notes;
    const note = notes[choice.value];
    return html`<section class="card" aria-labelledby="snippet-h">
        <h2 id="snippet-h">${m.snippet}</h2>
        ${
          this.isAdmin
            ? d.keys.length > 1
              ? select(t, {
                  id: 'embed-key',
                  label: m.publishableKey,
                  value: this.keyId || d.keys[0]!.id,
                  options: d.keys.map((k) => ({ value: k.id, label: k.publishableKey ?? k.last4 })),
                  onInput: (v) => (this.keyId = v),
                })
              : d.keys.length
                ? nothing
                : html`<p class="alert" role="note">${m.noKey(html`<a href="#/settings/api-keys">${m.createOne}</a>`)}</p>`
            : html`<p class="alert" role="note">${m.memberKey(html`<code>pk_…</code>`)}</p>`
        }
        <div class="grid-2">
          ${select(t, { id: 'embed-element', label: m.widget, value: this.choice, options: embedChoices.map((c) => ({ value: c.value, label: m.widgets[c.value] })), onInput: (v) => (this.choice = v) })}
          ${select(t, { id: 'embed-script', label: m.script, value: this.script, options: (['evergreen', 'pinned'] as const).map((value) => ({ value, label: value === 'pinned' ? m.scripts.pinned(d.manifest.version ?? '') : m.scripts.evergreen })), onInput: (v) => (this.script = v as ScriptChoice) })}
          ${select(t, { id: 'embed-preset', label: m.preset, value: this.look.preset, options: (['light', 'dark'] as const).map((value) => ({ value, label: m.presets[value] })), onInput: (v) => (this.look = { ...this.look, preset: v as 'light' }) })}
          <div class="field">
            <label for="embed-color">${t.settings.brandColour}</label>
            <div class="actions">
              <input id="embed-color" type="color" .value=${this.look.primary || '#1d4ed8'} @input=${(e: Event) => (this.look = { ...this.look, primary: (e.target as HTMLInputElement).value })} />
              <button type="button" ?disabled=${!this.look.primary} @click=${() => (this.look = { ...this.look, primary: '' })}>${m.useDefault}</button>
            </div>
          </div>
          ${select(t, { id: 'embed-radius', label: t.settings.radius, value: this.look.radius, options: [...radiusChoices.map((r) => ({ value: r.value, label: m.radii[r.label] })), ...(this.look.radius && !radiusChoices.some((r) => r.value === this.look.radius) ? [{ value: this.look.radius, label: this.look.radius }] : [])], onInput: (v) => (this.look = { ...this.look, radius: v }) })}
          ${select(t, { id: 'embed-font', label: m.font, value: this.look.font, options: [...fontChoices.map((f) => ({ value: f.value, label: m.fonts[f.label] })), ...(this.look.font && !fontChoices.some((f) => f.value === this.look.font) ? [{ value: this.look.font, label: this.look.font }] : [])], onInput: (v) => (this.look = { ...this.look, font: v }) })}
        </div>
        ${note ? html`<p class="muted">${note}</p>` : nothing}
        <pre id="snippet-box" role="region" aria-label=${m.snippetRegion} tabindex="0"><code id="snippet">${snippet}</code></pre>
        <div class="actions">
          <button type="button" class="primary" id="copy-snippet" @click=${() => this.#copy(snippet)}>${m.copy}</button>
          <span role="status" class="muted">${this.copied}</span>
        </div>
        <p class="muted">${origins.length ? m.origins(origins.join(', ')) : m.noOrigins(html`<a href="#/settings">${m.addSite}</a>`)}</p>
      </section>
      <section class="card" aria-labelledby="preview-h">
        <h2 id="preview-h">${m.preview}</h2>
        ${this.#preview(choice, key)}
      </section>`;
  }

  #preview(choice: EmbedChoice, key: string): unknown {
    const m = this.t.embed;
    if (!key) return html`<p class="muted">${m.previewNeedsKey}</p>`;
    if (this.preview === 'error') return html`<p class="alert" role="alert">${m.sdkFailed}</p>`;
    if (this.preview !== 'ready') return html`<p class="state" role="status">${m.loadingSdk}</p>`;
    if (!customElements.get(choice.tag)) return html`<p class="muted">${m.notInBuild(choice.tag)}</p>`;
    const attrs = choice.attributes.replace(/="[^"]*…"/g, '=""');
    return html`<p class="muted">${m.previewLive}</p>
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
      this.copied = this.t.embed.copied;
    } catch {
      const range = document.createRange();
      const code = this.renderRoot.querySelector('#snippet');
      if (code) {
        range.selectNodeContents(code);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
      }
      this.copied = this.t.embed.selectToCopy;
    }
  }
}
