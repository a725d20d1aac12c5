import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Merchant, MerchantSettings, PaymentMethodType } from './api.js';
import { formatMoney, moneyInputText, readMoney } from './format.js';
import { ConsolePart, currencyOptions, guardedButton, input, textarea } from './part.js';

interface Draft {
  termsPolicy: 'locked' | 'flexible';
  netDays: string;
  creditLimit: string;
  currency: string;
  allowedNetDays: string;
  defaultMinimum: string;
  card: string;
  ach: string;
  modeCheck: boolean;
  modeTerms: boolean;
  allowedOrigins: string;
  walletUrl: string;
  notificationEmail: string;
  primaryColor: string;
  radius: string;
  fontFamily: string;
}

/** The smallest payment on a request of `amount` at `percent`: the API's `ceil(amount × percent / 100)`. */
export function minimumPayment(amount: number, percent: number): number {
  return Number((BigInt(amount) * BigInt(percent) + 99n) / 100n);
}

const PARAM_FIELDS: Record<string, string> = {
  termsPolicy: 'policy-locked',
  'defaultTerms.netDays': 'set-net-days',
  'defaultTerms.creditLimit': 'set-credit-limit',
  'defaultTerms.currency': 'set-currency',
  allowedNetDays: 'set-allowed-net-days',
  'partialPayments.defaultMinimumPercent': 'set-min-default',
  'partialPayments.byMethod.card': 'set-min-card',
  'partialPayments.byMethod.ach': 'set-min-ach',
  creditAppModes: 'mode-check',
  allowedOrigins: 'set-origins',
  walletUrl: 'set-wallet-url',
  notificationEmail: 'set-notification-email',
  'theme.primaryColor': 'set-primary',
  'theme.radius': 'set-radius',
  'theme.fontFamily': 'set-font',
};

/**
 * Company settings (admins change them; members see them read-only, with the reason):
 * terms-lock policy, default terms, allowed net days, partial-payment minimums with a
 * worked example, credit application modes, allowed origins, wallet URL, notification
 * email and the widgets' theme hints. Saved as one JSON merge patch.
 *
 * @tagname cc-console-settings
 */
export class CcConsoleSettings extends ConsolePart {
  @state() private draft?: Draft;
  @state() private saved = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && !this.draft) this.draft = this.#fromSettings(this.ctx.merchant.settings);
  }

  #fromSettings(s: MerchantSettings): Draft {
    const pct = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
    return {
      termsPolicy: s.termsPolicy,
      netDays: String(s.defaultTerms.netDays),
      creditLimit: moneyInputText(s.defaultTerms.creditLimit, s.defaultTerms.currency, this.loc),
      currency: s.defaultTerms.currency,
      allowedNetDays: s.allowedNetDays.join(', '),
      defaultMinimum: pct(s.partialPayments.defaultMinimumPercent),
      card: pct(s.partialPayments.byMethod.card),
      ach: pct(s.partialPayments.byMethod.ach),
      modeCheck: s.creditAppModes.includes('credit_check'),
      modeTerms: s.creditAppModes.includes('credit_check_with_terms'),
      allowedOrigins: s.allowedOrigins.join('\n'),
      walletUrl: s.walletUrl ?? '',
      notificationEmail: s.notificationEmail,
      primaryColor: s.theme.primaryColor ?? '',
      radius: s.theme.radius ?? '',
      fontFamily: s.theme.fontFamily ?? '',
    };
  }

  get #reason(): string | undefined {
    return this.isAdmin ? undefined : this.t.settings.adminOnly;
  }

  #set<K extends keyof Draft>(key: K) {
    return (value: Draft[K]) => {
      this.draft = { ...this.draft!, [key]: value };
      this.saved = '';
    };
  }

  /** The percentage that applies to a payment by `method`, as the API picks it: per method, else default, else 100. */
  #percentFor(method: PaymentMethodType): number {
    const d = this.draft!;
    const read = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
    return read(d[method]) ?? read(d.defaultMinimum) ?? 100;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const m = t.settings;
    if (!this.draft || !this.ctx) return html`<p class="state" role="status">${m.loading}</p>`;
    const d = this.draft;
    const locked = !this.isAdmin;
    const loc = this.loc;
    const example = 10 ** 5; // $1,000.00 in a two-decimal currency; 100,000 minor units
    const exampleCurrency = d.currency || 'USD';
    return html`<div class="page">
      <h1 tabindex="-1">${t.nav.company}</h1>
      ${locked ? html`<p class="alert" role="note" id="settings-reason">${m.adminOnly} ${m.readOnly}</p>` : nothing}
      ${this.saved ? html`<p class="success">${this.saved}</p>` : nothing}
      <form part="form" novalidate @submit=${this.#save}>
        ${this.feedback()}
        <fieldset>
          <legend>${m.policy}</legend>
          <div class="choice">
            <input type="radio" id="policy-locked" name="policy" ?disabled=${locked} .checked=${d.termsPolicy === 'locked'} @change=${() => this.#set('termsPolicy')('locked')} />
            <label for="policy-locked">${m.locked(html`<strong>${m.lockedName}</strong>`)}</label>
          </div>
          <div class="choice">
            <input type="radio" id="policy-flexible" name="policy" ?disabled=${locked} .checked=${d.termsPolicy === 'flexible'} @change=${() => this.#set('termsPolicy')('flexible')} />
            <label for="policy-flexible">${m.flexible(html`<strong>${m.flexibleName}</strong>`)}</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>${m.defaultTerms}</legend>
          <div class="grid-2">
            ${input(t, { id: 'set-net-days', label: t.common.netDays, inputmode: 'numeric', disabled: locked, value: d.netDays, error: this.errors['set-net-days'], required: true, onInput: this.#set('netDays') })}
            ${input(t, { id: 'set-credit-limit', label: t.common.creditLimit, inputmode: 'decimal', disabled: locked, value: d.creditLimit, error: this.errors['set-credit-limit'], required: true, onInput: this.#set('creditLimit') })}
            <div class="field">
              <label for="set-currency">${t.common.currency}</label>
              <select id="set-currency" ?disabled=${locked} aria-invalid=${this.errors['set-currency'] ? 'true' : 'false'} @change=${(e: Event) => this.#set('currency')((e.target as HTMLSelectElement).value)}>
                ${currencyOptions(d.currency, loc).map((o) => html`<option value=${o.value} ?selected=${o.value === d.currency}>${o.label}</option>`)}
              </select>
            </div>
          </div>
          ${input(t, { id: 'set-allowed-net-days', label: m.allowedNetDays, hint: m.allowedHint, disabled: locked, value: d.allowedNetDays, error: this.errors['set-allowed-net-days'], required: true, onInput: this.#set('allowedNetDays') })}
        </fieldset>
        <fieldset>
          <legend>${m.partial}</legend>
          <p class="muted">${m.partialIntro}</p>
          <div class="grid-2">
            ${input(t, { id: 'set-min-default', label: m.defaultMinimum, inputmode: 'numeric', required: false, disabled: locked, value: d.defaultMinimum, error: this.errors['set-min-default'], onInput: this.#set('defaultMinimum') })}
            ${input(t, { id: 'set-min-card', label: m.cardMinimum, inputmode: 'numeric', required: false, disabled: locked, value: d.card, error: this.errors['set-min-card'], hint: m.defaultApplies, onInput: this.#set('card') })}
            ${input(t, { id: 'set-min-ach', label: m.achMinimum, inputmode: 'numeric', required: false, disabled: locked, value: d.ach, error: this.errors['set-min-ach'], hint: m.defaultApplies, onInput: this.#set('ach') })}
          </div>
          <div class="card" id="minimum-example" aria-live="polite">
            <p><strong>${m.asked}</strong></p>
            <ul>
              ${(['card', 'ach'] as const).map((method) => {
                const percent = this.#percentFor(method);
                const minimum = formatMoney(
                  minimumPayment(example, Math.min(100, Math.max(1, percent))),
                  exampleCurrency,
                  loc,
                );
                return html`<li>${m.example(formatMoney(example, exampleCurrency, loc), m.methods[method], minimum, percent >= 100)}</li>`;
              })}
            </ul>
            <p class="muted">${m.requestWins}</p>
          </div>
        </fieldset>
        <fieldset>
          <legend>${m.modes}</legend>
          <div class="choice"><input type="checkbox" id="mode-check" ?disabled=${locked} .checked=${d.modeCheck} aria-invalid=${this.errors['mode-check'] ? 'true' : 'false'} aria-describedby=${this.errors['mode-check'] ? 'mode-check-error' : nothing} @change=${(e: Event) => this.#set('modeCheck')((e.target as HTMLInputElement).checked)} /><label for="mode-check">${m.modeCheck}</label></div>
          <div class="choice"><input type="checkbox" id="mode-terms" ?disabled=${locked} .checked=${d.modeTerms} @change=${(e: Event) => this.#set('modeTerms')((e.target as HTMLInputElement).checked)} /><label for="mode-terms">${m.modeTerms}</label></div>
          ${this.errors['mode-check'] ? html`<p class="error" id="mode-check-error">${this.errors['mode-check']}</p>` : nothing}
        </fieldset>
        <fieldset>
          <legend>${m.where}</legend>
          ${textarea(t, { id: 'set-origins', label: m.origins, hint: m.originsHint, required: false, disabled: locked, value: d.allowedOrigins, error: this.errors['set-origins'], onInput: this.#set('allowedOrigins') })}
          ${input(t, { id: 'set-wallet-url', label: m.walletUrl, type: 'url', hint: m.walletHint, required: false, disabled: locked, value: d.walletUrl, error: this.errors['set-wallet-url'], onInput: this.#set('walletUrl') })}
          ${input(t, { id: 'set-notification-email', label: m.notificationEmail, type: 'email', hint: m.notificationHint, required: true, disabled: locked, value: d.notificationEmail, error: this.errors['set-notification-email'], onInput: this.#set('notificationEmail') })}
        </fieldset>
        <fieldset>
          <legend>${m.theme}</legend>
          <p class="muted">${m.themeIntro}</p>
          <div class="grid-2">
            ${input(t, { id: 'set-primary', label: m.brandColour, placeholder: '#0b5cad', required: false, disabled: locked, value: d.primaryColor, error: this.errors['set-primary'], onInput: this.#set('primaryColor') })}
            ${input(t, { id: 'set-radius', label: m.radius, placeholder: '6px', required: false, disabled: locked, value: d.radius, error: this.errors['set-radius'], onInput: this.#set('radius') })}
            ${input(t, { id: 'set-font', label: m.font, placeholder: 'Inter, sans-serif', required: false, disabled: locked, value: d.fontFamily, error: this.errors['set-font'], onInput: this.#set('fontFamily') })}
          </div>
        </fieldset>
        <div class="actions">
          ${
            locked
              ? guardedButton({
                  id: 'save-settings',
                  label: m.save,
                  primary: true,
                  reason: this.#reason,
                  onClick: () => undefined,
                })
              : html`<button class="primary" id="save-settings" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.common.saving : m.save}</button>`
          }
          <button type="button" ?disabled=${locked} @click=${() => ((this.draft = this.#fromSettings(this.ctx!.merchant.settings)), this.clearFeedback())}>${m.undo}</button>
        </div>
      </form>
    </div>`;
  }

  /** The merge patch for the whole form, with the errors of what cannot be read. */
  #patch(): { patch: Record<string, unknown>; errors: Record<string, string> } {
    const d = this.draft!;
    const t = this.t;
    const m = t.settings;
    const errors: Record<string, string> = {};
    const whole = (
      text: string,
      id: string,
      label: string,
      min: number,
      max: number,
      optional = false,
    ): number | null | undefined => {
      const t = text.trim();
      if (!t && optional) return null;
      if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) {
        errors[id] = m.whole(label, min, max);
        return undefined;
      }
      return Number(t);
    };
    const netDays = whole(d.netDays, 'set-net-days', m.netDaysName, 0, 365);
    const limit = readMoney(d.creditLimit, d.currency, this.loc, t.money.labels.creditLimit);
    if ('error' in limit) errors['set-credit-limit'] = limit.error;
    const allowed = d.allowedNetDays.split(/[\s,;]+/).filter(Boolean);
    if (!allowed.length || allowed.some((n) => !/^\d+$/.test(n) || Number(n) > 365))
      errors['set-allowed-net-days'] = m.allowedInvalid;
    const min = whole(d.defaultMinimum, 'set-min-default', m.defaultMinimumName, 1, 100, true);
    const card = whole(d.card, 'set-min-card', m.cardMinimumName, 1, 100, true);
    const ach = whole(d.ach, 'set-min-ach', m.achMinimumName, 1, 100, true);
    const modes = [d.modeCheck ? 'credit_check' : '', d.modeTerms ? 'credit_check_with_terms' : ''].filter(Boolean);
    if (!modes.length) errors['mode-check'] = m.modesEmpty;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.notificationEmail.trim()))
      errors['set-notification-email'] = t.common.emailInvalid;
    const text = (v: string) => v.trim() || null;
    const patch = {
      termsPolicy: d.termsPolicy,
      defaultTerms: { netDays, creditLimit: 'amount' in limit ? limit.amount : undefined, currency: d.currency },
      allowedNetDays: [...new Set(allowed.map(Number))],
      partialPayments: { defaultMinimumPercent: min, byMethod: { card, ach } },
      creditAppModes: modes,
      allowedOrigins: d.allowedOrigins.split(/\s+/).filter(Boolean),
      walletUrl: text(d.walletUrl),
      notificationEmail: d.notificationEmail.trim(),
      theme: { primaryColor: text(d.primaryColor), radius: text(d.radius), fontFamily: text(d.fontFamily) },
    };
    return { patch, errors };
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.isAdmin) return;
    const { patch, errors } = this.#patch();
    if (!(await this.showErrors(errors))) return;
    await this.act(
      async () => {
        const merchant = await this.ctx!.api.patch<Merchant>('/v1/merchant/settings', patch);
        this.ctx!.setMerchant(merchant);
        this.draft = this.#fromSettings(merchant.settings);
        this.saved = this.t.settings.saved;
        this.ctx!.announce(this.saved);
      },
      (param) => PARAM_FIELDS[param] ?? PARAM_FIELDS[param.replace(/\.\d+$/, '')],
    );
  }
}
