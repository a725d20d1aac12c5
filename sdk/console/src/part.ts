import { consume } from '@lit/context';
import { html, nothing, type CSSResultGroup, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { CcApiError } from '@customerconnect/sdk';
import { CcElement } from '@customerconnect/sdk';
import { focusFirstInvalid } from '@customerconnect/sdk/internal';
import { resolveLocale } from '@customerconnect/sdk';
import { formStyles } from '@customerconnect/sdk/internal';
import { tableStyles } from '@customerconnect/sdk/internal';
import { asApiError } from './api.js';
import { consoleStyles } from './console.styles.js';
import { consoleContext, type ConsoleContext } from './context.js';
import { errorText, statusText } from './format.js';
import type { Load } from './load.js';
import { consoleMessagesFor, type ConsoleMessages } from './messages.js';

/**
 * Base of the console's parts: the console context (API, user, merchant, locale), the shared
 * styles, form error handling (errors at their fields, announced, focus to the first) and
 * the loading / empty / error views. Texts follow the context's locale (else the part's own
 * `locale`, else English): see {@link ConsolePart.t}.
 */
export class ConsolePart extends CcElement {
  static override styles: CSSResultGroup = [CcElement.styles, formStyles, tableStyles, consoleStyles];

  /** The console's context; given by `<cc-merchant-console>`, or set directly. */
  @consume({ context: consoleContext, subscribe: true })
  @property({ attribute: false })
  ctx?: ConsoleContext;

  /** Field errors of the form on screen, by field id. */
  @state() protected errors: Record<string, string> = {};
  /** A failure that is not a field's, shown above the form. */
  @state() protected alert = '';
  /** The text of the polite live region (problems found, things done). */
  @state() protected announcement = '';
  @state() protected busy = false;

  protected get loc(): string {
    return this.ctx?.locale ?? (this.locale ? resolveLocale(this.locale) : 'en');
  }

  /** The console's texts in the language of {@link loc}. */
  protected get t(): ConsoleMessages {
    return consoleMessagesFor(this.loc);
  }

  protected get isAdmin(): boolean {
    return this.ctx?.isAdmin ?? false;
  }

  /** Moves focus to the page's heading (after a route change). */
  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Shows field errors (or clears them), announces them and focuses the first; true when there were none. */
  protected async showErrors(errors: Record<string, string>): Promise<boolean> {
    this.errors = errors;
    const messages = Object.values(errors);
    if (!messages.length) return true;
    this.alert = '';
    const { common } = this.t;
    this.announcement =
      messages.length === 1 ? common.problem(messages[0]!) : common.problems(messages.length, messages.join(' '));
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
    return false;
  }

  /**
   * A failed request: a 422 naming a field we show goes to that field (`param` paths map with
   * `fieldFor`); anything else becomes the alert above the form.
   */
  protected async showFailure(
    error: unknown,
    fieldFor: (param: string) => string | undefined = (p) => p,
  ): Promise<void> {
    const e = asApiError(error);
    const field = e.param ? fieldFor(e.param) : undefined;
    if (field && (e.status === 422 || e.status === 409) && this.renderRoot.querySelector(`#${CSS.escape(field)}`)) {
      await this.showErrors({ [field]: errorText(this.t, e) });
      return;
    }
    this.errors = {};
    this.alert = errorText(this.t, e);
    this.announcement = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.alert')?.focus();
  }

  protected clearFeedback(): void {
    this.errors = {};
    this.alert = '';
    this.announcement = '';
  }

  /** The live region and the alert of a form. */
  protected feedback(): TemplateResult {
    return html`<p class="sr-only" role="status" aria-live="polite">${this.announcement}</p>
      ${this.alert ? html`<div class="alert" role="alert" tabindex="-1" part="error">${this.alert}</div>` : nothing}`;
  }

  /** Runs `task` with the part marked busy; failures go to `showFailure`. */
  protected async act(task: () => Promise<void>, fieldFor?: (param: string) => string | undefined): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.alert = '';
    try {
      await task();
    } catch (error) {
      if (error instanceof CcApiError && error.status === 401) return; // the console signs out and says why
      await this.showFailure(error, fieldFor);
    } finally {
      this.busy = false;
    }
  }
}

/** Loading, error (with a retry) and ready views of a {@link Load}; `what` is the thing loading ("contacts"), in `t`'s language. */
export function loadView<T>(t: ConsoleMessages, load: Load<T>, what: string, ready: (value: T) => unknown): unknown {
  if (load.value !== undefined && load.state !== 'error') {
    return html`<div class="stack" aria-busy=${load.busy ? 'true' : 'false'}>${ready(load.value)}</div>`;
  }
  if (load.state === 'error') {
    const e = asApiError(load.error);
    if (e.status === 401) return nothing;
    return html`<div class="alert" role="alert">
      <p>${t.common.loadFailed(what)} ${errorText(t, e)}</p>
      <p><button type="button" @click=${() => load.run()}>${t.common.tryAgain}</button></p>
    </div>`;
  }
  return html`<p class="state loading" role="status">${t.common.loadingWhat(what)}</p>`;
}

export const emptyView = (text: unknown): TemplateResult => html`<div class="empty"><p>${text}</p></div>`;

export function badge(t: ConsoleMessages, status: string): TemplateResult {
  const tone = [
    'paid',
    'authorized',
    'verified',
    'succeeded',
    'accepted',
    'approved',
    'active',
    'resolved',
    'completed',
    'generated',
  ].includes(status)
    ? 'good'
    : ['credit_declined', 'disputed', 'failed', 'declined', 'void', 'cancelled', 'expired', 'disabled'].includes(status)
      ? 'bad'
      : 'plain';
  return html`<span class="badge ${tone}" part="status">${statusText(t, status)}</span>`;
}

/** Options of a status filter: "Any status" first, then each status's word. */
export function statusOptions(t: ConsoleMessages, statuses: readonly string[]): { value: string; label: string }[] {
  return [
    { value: '', label: t.common.anyStatus },
    ...statuses.map((value) => ({ value, label: statusText(t, value) })),
  ];
}

/** A horizontally scrollable table region, reachable by keyboard. */
export function tableWrap(label: string, table: TemplateResult): TemplateResult {
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}

/**
 * A button for an action the user may not be allowed to take: when `reason` is set it stays
 * focusable but `aria-disabled`, does nothing, and says why next to it.
 */
export function guardedButton(opts: {
  id: string;
  label: string;
  reason?: string | undefined;
  primary?: boolean;
  danger?: boolean;
  busy?: boolean;
  onClick: () => void;
}): TemplateResult {
  const blocked = Boolean(opts.reason);
  const cls = [opts.primary ? 'primary' : '', opts.danger ? 'danger' : ''].join(' ').trim();
  return html`<span class="guarded">
    <button
      type="button"
      id=${opts.id}
      class=${cls}
      part=${opts.primary ? 'button button-primary' : 'button'}
      aria-disabled=${blocked || opts.busy ? 'true' : 'false'}
      aria-describedby=${ifDefined(blocked ? `${opts.id}-reason` : undefined)}
      @click=${() => !blocked && !opts.busy && opts.onClick()}
    >
      ${opts.label}
    </button>
    ${blocked ? html`<span class="reason" id="${opts.id}-reason">${opts.reason}</span>` : nothing}
  </span>`;
}

export interface InputOptions {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'url' | 'tel' | 'search';
  required?: boolean;
  inputmode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url' | 'search' | 'none';
  autocomplete?: AutoFill;
  disabled?: boolean;
  placeholder?: string;
  onInput: (value: string) => void;
}

function describedBy(o: { id: string; hint?: string | undefined; error?: string | undefined }): string | undefined {
  const ids = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function labelAndTail(t: ConsoleMessages, o: { id: string; label: string; required?: boolean | undefined }) {
  return html`<label part="label" for=${o.id}>${o.label}${o.required === false ? html` <span class="optional">${t.common.optional}</span>` : nothing}</label>`;
}

function tail(o: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return html`${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
  ${o.error ? html`<p class="error" part="error" id="${o.id}-error">${o.error}</p>` : nothing}`;
}

/** A labelled input with its hint and error tied by `aria-describedby`; `t` gives the "(optional)" of a field not required. */
export function input(t: ConsoleMessages, o: InputOptions): TemplateResult {
  return html`<div class="field" part="field">
    ${labelAndTail(t, o)}
    <input
      part="input"
      id=${o.id}
      name=${o.id}
      type=${o.type ?? 'text'}
      inputmode=${ifDefined(o.inputmode)}
      autocomplete=${ifDefined(o.autocomplete)}
      placeholder=${ifDefined(o.placeholder)}
      .value=${live(o.value)}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${tail(o)}
  </div>`;
}

export function textarea(t: ConsoleMessages, o: InputOptions): TemplateResult {
  return html`<div class="field" part="field">
    ${labelAndTail(t, o)}
    <textarea
      part="input"
      id=${o.id}
      name=${o.id}
      .value=${live(o.value)}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @input=${(e: Event) => o.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${tail(o)}
  </div>`;
}

export function select(
  t: ConsoleMessages,
  o: InputOptions & { options: ReadonlyArray<{ value: string; label: string }> },
): TemplateResult {
  return html`<div class="field" part="field">
    ${labelAndTail(t, o)}
    <select
      part="input"
      id=${o.id}
      name=${o.id}
      ?required=${o.required ?? false}
      ?disabled=${o.disabled ?? false}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(o))}
      @change=${(e: Event) => o.onInput((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map((opt) => html`<option value=${opt.value} ?selected=${opt.value === o.value}>${opt.label}</option>`)}
    </select>
    ${tail(o)}
  </div>`;
}

/** Common ISO 4217 currencies for pickers; the merchant's default first. */
export function currencyOptions(first: string, locale: string): { value: string; label: string }[] {
  const codes = [first, 'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'MXN', 'JPY', 'CHF', 'KWD'].filter(
    (c, i, all) => all.indexOf(c) === i,
  );
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = undefined;
  }
  return codes.map((code) => ({ value: code, label: `${code} · ${names?.of(code) ?? code}` }));
}
