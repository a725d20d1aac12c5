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
    return this.isAdmin ? undefined : 'Only an admin can change company settings.';
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
    if (!this.draft || !this.ctx) return html`<p class="state" role="status">Loading settings…</p>`;
    const d = this.draft;
    const locked = !this.isAdmin;
    const loc = this.loc;
    const example = 10 ** 5; // $1,000.00 in a two-decimal currency; 100,000 minor units
    const exampleCurrency = d.currency || 'USD';
    return html`<div class="page">
      <h1 tabindex="-1">Company settings</h1>
      ${locked ? html`<p class="alert" role="note" id="settings-reason">Only an admin can change company settings. You can read them here.</p>` : nothing}
      ${this.saved ? html`<p class="success" role="status">${this.saved}</p>` : nothing}
      <form part="form" novalidate @submit=${this.#save}>
        ${this.feedback()}
        <fieldset>
          <legend>Terms-lock policy</legend>
          <div class="choice">
            <input type="radio" id="policy-locked" name="policy" ?disabled=${locked} .checked=${d.termsPolicy === 'locked'} @change=${() => this.#set('termsPolicy')('locked')} />
            <label for="policy-locked"><strong>Locked</strong>: only admins offer or change terms; customers accept the offer exactly as made.</label>
          </div>
          <div class="choice">
            <input type="radio" id="policy-flexible" name="policy" ?disabled=${locked} .checked=${d.termsPolicy === 'flexible'} @change=${() => this.#set('termsPolicy')('flexible')} />
            <label for="policy-flexible"><strong>Flexible</strong>: members may offer terms too, and customers may pick any allowed net days when accepting.</label>
          </div>
        </fieldset>
        <fieldset>
          <legend>Default terms</legend>
          <div class="grid-2">
            ${input({ id: 'set-net-days', label: 'Net days', inputmode: 'numeric', disabled: locked, value: d.netDays, error: this.errors['set-net-days'], required: true, onInput: this.#set('netDays') })}
            ${input({ id: 'set-credit-limit', label: 'Credit limit', inputmode: 'decimal', disabled: locked, value: d.creditLimit, error: this.errors['set-credit-limit'], required: true, onInput: this.#set('creditLimit') })}
            <div class="field">
              <label for="set-currency">Currency</label>
              <select id="set-currency" ?disabled=${locked} aria-invalid=${this.errors['set-currency'] ? 'true' : 'false'} @change=${(e: Event) => this.#set('currency')((e.target as HTMLSelectElement).value)}>
                ${currencyOptions(d.currency, loc).map((o) => html`<option value=${o.value} ?selected=${o.value === d.currency}>${o.label}</option>`)}
              </select>
            </div>
          </div>
          ${input({ id: 'set-allowed-net-days', label: 'Allowed net days', hint: 'Separated by commas, e.g. 30, 45, 60. Under the flexible policy, these are the choices.', disabled: locked, value: d.allowedNetDays, error: this.errors['set-allowed-net-days'], required: true, onInput: this.#set('allowedNetDays') })}
        </fieldset>
        <fieldset>
          <legend>Partial payments on payment requests</legend>
          <p class="muted">The smallest share of a request a customer may pay at once. Leave the default empty for no partial payments (100%). A payment of the whole remaining balance is always allowed.</p>
          <div class="grid-2">
            ${input({ id: 'set-min-default', label: 'Default minimum (%)', inputmode: 'numeric', required: false, disabled: locked, value: d.defaultMinimum, error: this.errors['set-min-default'], onInput: this.#set('defaultMinimum') })}
            ${input({ id: 'set-min-card', label: 'Card minimum (%)', inputmode: 'numeric', required: false, disabled: locked, value: d.card, error: this.errors['set-min-card'], hint: 'Empty: the default applies.', onInput: this.#set('card') })}
            ${input({ id: 'set-min-ach', label: 'Bank account (ACH) minimum (%)', inputmode: 'numeric', required: false, disabled: locked, value: d.ach, error: this.errors['set-min-ach'], hint: 'Empty: the default applies.', onInput: this.#set('ach') })}
          </div>
          <div class="card" id="minimum-example" aria-live="polite">
            <p><strong>What a customer will be asked</strong></p>
            <ul>
              ${(['card', 'ach'] as const).map((m) => {
                const percent = this.#percentFor(m);
                return html`<li>On a ${formatMoney(example, exampleCurrency, loc)} request paid by ${m === 'card' ? 'card' : 'bank account'}, the customer must pay at least
                  ${formatMoney(minimumPayment(example, Math.min(100, Math.max(1, percent))), exampleCurrency, loc)}${percent >= 100 ? ' (the whole amount: no partial payments)' : ''}.</li>`;
              })}
            </ul>
            <p class="muted">A request may set its own minimum, which wins over these. Requests keep the minimums in force when they were made.</p>
          </div>
        </fieldset>
        <fieldset>
          <legend>Credit application modes</legend>
          <div class="choice"><input type="checkbox" id="mode-check" ?disabled=${locked} .checked=${d.modeCheck} aria-invalid=${this.errors['mode-check'] ? 'true' : 'false'} aria-describedby=${this.errors['mode-check'] ? 'mode-check-error' : nothing} @change=${(e: Event) => this.#set('modeCheck')((e.target as HTMLInputElement).checked)} /><label for="mode-check">Credit check only</label></div>
          <div class="choice"><input type="checkbox" id="mode-terms" ?disabled=${locked} .checked=${d.modeTerms} @change=${(e: Event) => this.#set('modeTerms')((e.target as HTMLInputElement).checked)} /><label for="mode-terms">Credit check with a terms offer</label></div>
          ${this.errors['mode-check'] ? html`<p class="error" id="mode-check-error">${this.errors['mode-check']}</p>` : nothing}
        </fieldset>
        <fieldset>
          <legend>Where your widgets run</legend>
          ${textarea({ id: 'set-origins', label: 'Allowed origins', hint: 'One a line, e.g. https://shop.example.com. The widgets work only on these sites.', required: false, disabled: locked, value: d.allowedOrigins, error: this.errors['set-origins'], onInput: this.#set('allowedOrigins') })}
          ${input({ id: 'set-wallet-url', label: 'Wallet page URL', type: 'url', hint: 'The page of your site with <cc-wallet>; emailed links open it. Empty: the hosted wallet.', required: false, disabled: locked, value: d.walletUrl, error: this.errors['set-wallet-url'], onInput: this.#set('walletUrl') })}
          ${input({ id: 'set-notification-email', label: 'Notification email', type: 'email', hint: 'Disputes and failed payments are emailed here; customers reply to it.', required: true, disabled: locked, value: d.notificationEmail, error: this.errors['set-notification-email'], onInput: this.#set('notificationEmail') })}
        </fieldset>
        <fieldset>
          <legend>Widget theme hints</legend>
          <p class="muted">Defaults for your widgets; CSS on your pages wins over them. The Embed page previews them.</p>
          <div class="grid-2">
            ${input({ id: 'set-primary', label: 'Brand colour', placeholder: '#0b5cad', required: false, disabled: locked, value: d.primaryColor, error: this.errors['set-primary'], onInput: this.#set('primaryColor') })}
            ${input({ id: 'set-radius', label: 'Corner radius', placeholder: '6px', required: false, disabled: locked, value: d.radius, error: this.errors['set-radius'], onInput: this.#set('radius') })}
            ${input({ id: 'set-font', label: 'Font family', placeholder: 'Inter, sans-serif', required: false, disabled: locked, value: d.fontFamily, error: this.errors['set-font'], onInput: this.#set('fontFamily') })}
          </div>
        </fieldset>
        <div class="actions">
          ${locked
            ? guardedButton({ id: 'save-settings', label: 'Save settings', primary: true, reason: this.#reason, onClick: () => undefined })
            : html`<button class="primary" id="save-settings" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Saving…' : 'Save settings'}</button>`}
          <button type="button" ?disabled=${locked} @click=${() => ((this.draft = this.#fromSettings(this.ctx!.merchant.settings)), this.clearFeedback())}>Undo changes</button>
        </div>
      </form>
    </div>`;
  }

  /** The merge patch for the whole form, with the errors of what cannot be read. */
  #patch(): { patch: Record<string, unknown>; errors: Record<string, string> } {
    const d = this.draft!;
    const errors: Record<string, string> = {};
    const whole = (text: string, id: string, label: string, min: number, max: number, optional = false): number | null | undefined => {
      const t = text.trim();
      if (!t && optional) return null;
      if (!/^\d+$/.test(t) || Number(t) < min || Number(t) > max) {
        errors[id] = `${label} is a whole number from ${min} to ${max}.`;
        return undefined;
      }
      return Number(t);
    };
    const netDays = whole(d.netDays, 'set-net-days', 'Net days', 0, 365);
    const limit = readMoney(d.creditLimit, d.currency, this.loc, 'Credit limit');
    if ('error' in limit) errors['set-credit-limit'] = limit.error;
    const allowed = d.allowedNetDays.split(/[\s,;]+/).filter(Boolean);
    if (!allowed.length || allowed.some((n) => !/^\d+$/.test(n) || Number(n) > 365)) errors['set-allowed-net-days'] = 'List whole numbers of days from 0 to 365, separated by commas.';
    const min = whole(d.defaultMinimum, 'set-min-default', 'The default minimum', 1, 100, true);
    const card = whole(d.card, 'set-min-card', 'The card minimum', 1, 100, true);
    const ach = whole(d.ach, 'set-min-ach', 'The ACH minimum', 1, 100, true);
    const modes = [d.modeCheck ? 'credit_check' : '', d.modeTerms ? 'credit_check_with_terms' : ''].filter(Boolean);
    if (!modes.length) errors['mode-check'] = 'Allow at least one credit application mode.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.notificationEmail.trim())) errors['set-notification-email'] = 'Enter an email address.';
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
        this.saved = 'Settings saved.';
        this.ctx!.announce('Settings saved.');
      },
      (param) => PARAM_FIELDS[param] ?? PARAM_FIELDS[param.replace(/\.\d+$/, '')],
    );
  }
}
