import { html, nothing, type CSSResultGroup, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CcBeforeSubmitEvent } from '../../events/cc-before-submit-event.js';
import { CcErrorEvent } from '../../events/cc-error-event.js';
import { CcApiError } from '../../internal/api-error.js';
import { apiErrorText } from '../../internal/api-error-text.js';
import { CcElement } from '../../internal/cc-element.js';
import { ConfigController } from '../../internal/config-controller.js';
import { defaultCountry } from '../../internal/countries.js';
import { creditAppModes, type CreditAppMode } from '../../events/customer-types.js';
import { devWarning } from '../../internal/dev-warnings.js';
import { focusFirstInvalid } from '../../internal/form-fields.js';
import { messagesFor, messagesLoading, type Messages } from '../../internal/messages.js';
import { validate } from '../../internal/validators.js';
import { formStyles } from '../../styles/form.styles.js';
import { termsOfferStyles } from '../terms-offer/terms-offer.styles.js';
import { applicationBody, type FieldValues } from './credit-app-body.js';
import {
  fieldForParam,
  fieldSpecs,
  fieldsOfStep,
  stepCount,
  validatorsOf,
  type FieldName,
  type StepIndex,
} from './credit-app-fields.js';
import { errorText, renderFields, renderProgress, type FieldError } from './credit-app-step.js';
import { creditAppStyles } from './credit-app.styles.js';
import { buttonPart } from '../../internal/parts.js';

type AfterSubmit = typeof import('./credit-app-after.js') & import('./credit-app-after.js').FollowUp;

const emptyValues = () => Object.fromEntries(fieldSpecs.map((spec) => [spec.name, ''])) as FieldValues;

/**
 * The credit application: business, applicant and consent in three steps, then the
 * decision inline. In `credit_check_with_terms` mode an approved applicant sees the terms
 * offer below the decision and accepts or declines it on the spot. A pending decision
 * (the bureau is slow) is polled until it arrives.
 *
 * Amounts are typed in the page locale and sent in minor units of the merchant's currency.
 *
 * @tagname cc-credit-app
 * @summary Applies for trade credit with the merchant and shows the decision and any terms offer.
 *
 * @fires {CcBeforeSubmitEvent} cc-before-submit - Cancelable; `detail.body` is the request about to be sent. `preventDefault()` stops the submit.
 * @fires {CcCreditDecisionEvent} cc-credit-decision - A decision arrived; `detail` is `{ applicationId, contactId, status }`, status `approved`, `declined` or `pending` (then again with the final status).
 * @fires {CcTermsAcceptedEvent} cc-terms-accepted - The inline offer was accepted; `detail` is `{ offerId, contactId }`.
 * @fires {CcTermsDeclinedEvent} cc-terms-declined - The inline offer was declined; `detail` is `{ offerId, contactId }`.
 * @fires {CcErrorEvent} cc-error - A submit failed for a reason that is not a field's (`network_error`, `mode_not_allowed`, `rate_limited`, …); `detail` is `{ code, message }`.
 * @fires {CcReadyEvent} cc-ready - The element has its config (from its `<cc-provider>` or its own attributes) and is usable; fired on the element itself, in a provider or alone. `detail` is `{ config }`.
 *
 * @csspart form - Each step's form, and the offer's.
 * @csspart field - A label, its control, hint and error.
 * @csspart label - A field label.
 * @csspart input - A text input, select or checkbox.
 * @csspart button - Back, Continue, Submit, Accept and Decline.
 * @csspart button-primary - Continue, Submit and Accept.
 * @csspart error - A field error, or the alert above a form.
 * @csspart amount - The money inputs and the offer's credit limit.
 * @csspart status - The decision, and the offer's outcome.
 * @csspart input-invalid - With `input`, on a control whose field is in error (`aria-invalid="true"`).
 * @csspart button-busy - With `button`, on the button whose action is running.
 */
export class CcCreditApp extends CcElement {
  static override styles: CSSResultGroup = [CcElement.styles, formStyles, termsOfferStyles, creditAppStyles];

  /**
   * `credit_check` (a credit check only) or `credit_check_with_terms` (then the terms offer).
   * @type {'credit_check' | 'credit_check_with_terms'}
   */
  @property({ reflect: true }) mode: CreditAppMode = 'credit_check';

  readonly #config = new ConfigController(this);
  /** The code that sends the application and shows its decision: loaded on the first input, or on submit. */
  #after?: AfterSubmit | undefined;
  #afterLoading?: Promise<AfterSubmit> | undefined;
  #step: StepIndex = 0;
  #values = emptyValues();
  #touched = new Set<FieldName>();
  #errors: Partial<Record<FieldName, FieldError>> = {};
  #alert?: string | undefined;
  #announcement = '';
  #submitting = false;
  #modeChecked = '';

  get #m(): Messages {
    return messagesFor(this.#config.locale);
  }

  get #currency(): string {
    return this.#config.config?.defaultCurrency?.toUpperCase() ?? 'USD';
  }

  get #merchant(): string {
    return this.#config.config?.merchant.name ?? this.#m.merchantFallback;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('mode') && !creditAppModes.includes(this.mode)) {
      devWarning(this, 'unknownMode', this.mode);
    }
    // Once per mode and config: the config usually arrives after the first update.
    const modes = this.#config.config?.creditAppModes;
    const checked = `${this.mode} ${modes?.join()}`;
    if (modes && checked !== this.#modeChecked) {
      this.#modeChecked = checked;
      if (!modes.includes(this.mode)) {
        devWarning(this, 'modeNotAllowed', this.mode);
      }
    }
    if (!this.#values.country && !this.#touched.has('country'))
      this.#values.country = defaultCountry(this.#config.locale);
  }

  protected override render(): unknown {
    const m = this.#m;
    return html`<section class="app" aria-labelledby="app-title">
      <h2 id="app-title">${m.appTitle(this.#merchant)}</h2>
      <p class="sr-only" role="status">${this.#announcement}</p>
      ${this.#renderBody(m)}
    </section>`;
  }

  #renderBody(m: Messages): TemplateResult {
    const after = this.#after;
    const application = after?.decision.application;
    if (after && application) {
      return html`${after.renderDecision({
        application,
        m,
        merchant: this.#merchant,
        email: after.decision.email,
        live: after.decision.sessionClient !== undefined,
        offerFollows: after.offer.offer !== undefined,
      })}
      ${after.offer.render()}`;
    }
    if (this.#config.status === 'loading') return html`<p class="loading" role="status">${m.loading}</p>`;
    if (this.#config.status === 'error') {
      const error = this.#config.error;
      return html`<div part="error" class="alert" role="alert">${error ? apiErrorText(error, m) : m.setupError}</div>`;
    }
    const last = this.#step === stepCount - 1;
    return html`<p class="intro">${m.appIntro}</p>
      ${renderProgress(this.#step, m)}
      ${this.#alert ? html`<div part="error" class="alert" role="alert" id="form-alert">${this.#alert}</div>` : nothing}
      <form part="form" novalidate aria-labelledby="step-title" aria-busy=${this.#submitting ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h3 id="step-title" tabindex="-1">${m.stepTitles[this.#step]}</h3>
        ${renderFields({
          step: this.#step,
          values: this.#values,
          errors: this.#errors,
          m,
          merchant: this.#merchant,
          currency: this.#currency,
          locale: this.#config.locale,
          onInput: this.#onInput,
          onBlur: this.#onBlur,
        })}
        <div class="actions">
          ${this.#step > 0 ? html`<button part="button" type="button" @click=${this.#onBack}>${m.back}</button>` : nothing}
          <button part=${buttonPart(this.#submitting, 'button-primary')} class="primary" type="submit" aria-disabled=${this.#submitting ? 'true' : 'false'}>
            ${last ? m.submit : m.continue}
          </button>
        </div>
      </form>`;
  }

  /** Re-validates a field that shows an error as it is corrected; a select or checkbox on every change. */
  readonly #onInput = (name: FieldName, value: string): void => {
    this.#values[name] = value;
    this.#touched.add(name);
    void this.#loadAfter().catch(() => undefined); // a failure is retried and reported on submit
    const spec = fieldSpecs.find((s) => s.name === name)!;
    if (this.#errors[name] || spec.control === 'checkbox' || spec.control === 'country') this.#validate(name);
    this.requestUpdate();
  };

  /** Validates a field as the person leaves it, once they have typed in it. */
  readonly #onBlur = (name: FieldName): void => {
    if (!this.#touched.has(name)) return;
    this.#validate(name);
    this.requestUpdate();
  };

  #validate(name: FieldName): boolean {
    const spec = fieldSpecs.find((s) => s.name === name)!;
    const code = validate(this.#values[name], spec.required, validatorsOf(spec, this.#currency, this.#config.locale));
    if (code) this.#errors[name] = { code };
    else delete this.#errors[name];
    return !code;
  }

  readonly #onBack = async (): Promise<void> => {
    if (this.#submitting || this.#step === 0) return;
    this.#alert = undefined;
    await this.#goTo((this.#step - 1) as StepIndex);
  };

  async #goTo(step: StepIndex): Promise<void> {
    this.#step = step;
    const m = this.#m;
    this.#announce(m.stepAnnouncement(step + 1, stepCount, m.stepTitles[step]!));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#step-title')?.focus();
  }

  readonly #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.#submitting) return;
    this.#alert = undefined;
    const invalid = fieldsOfStep(this.#step).filter((spec) => !this.#validate(spec.name));
    if (invalid.length > 0) return this.#showErrors();
    if (this.#step < stepCount - 1) return this.#goTo((this.#step + 1) as StepIndex);
    // Every step again: a value may have gone stale (the locale changed how money reads).
    const stale = fieldSpecs.find((spec) => !this.#validate(spec.name));
    if (stale) {
      this.#step = stale.step;
      return this.#showErrors();
    }
    await this.#send();
  };

  /** Announces the errors of the current step and moves focus to the first. */
  async #showErrors(): Promise<void> {
    const m = this.#m;
    const view = { m, merchant: this.#merchant, currency: this.#currency, locale: this.#config.locale };
    const errors = fieldsOfStep(this.#step).flatMap((spec) => {
      const error = this.#errors[spec.name];
      return error ? [errorText(spec, error, view)] : [];
    });
    this.#announce(`${m.problems(errors.length)} ${errors[0] ?? ''}`);
    await this.updateComplete;
    focusFirstInvalid(this.renderRoot);
  }

  #announce(text: string): void {
    // A trailing no-break space that comes and goes makes a repeated message a change, so it is read again.
    this.#announcement = this.#announcement.endsWith('\u00a0') ? text : `${text}\u00a0`;
    this.requestUpdate();
  }

  /** Imports the submit and decision code once; a failed download is tried again next time. */
  #loadAfter(): Promise<AfterSubmit> {
    this.#afterLoading ??= import('./credit-app-after.js').then(
      async (mod) => {
        await messagesLoading(); // the decision's texts in the page's language, before any decision shows
        const context = () => ({ config: this.#config.config, locale: this.#config.locale, m: this.#m });
        const onPolled = (application: { status: string }) => {
          const d = this.#m.decision;
          this.#announce(application.status === 'approved' ? d.approvedTitle(this.#merchant) : d.declinedTitle);
        };
        return (this.#after = { ...mod, ...mod.followUp(this, context, onPolled) });
      },
      (error: unknown) => {
        this.#afterLoading = undefined;
        throw error;
      },
    );
    return this.#afterLoading;
  }

  async #send(): Promise<void> {
    const client = this.#config.client;
    if (!client) return;
    const body = applicationBody(this.mode, this.#values, this.#currency, this.#config.locale);
    // Events are made first and then dispatched, so that the manifest analyzer documents
    // them from the @fires tags instead of guessing from constructor arguments.
    const beforeSubmit = new CcBeforeSubmitEvent(body);
    this.dispatchEvent(beforeSubmit);
    if (beforeSubmit.defaultPrevented) return;
    this.#submitting = true;
    this.#announce(this.#m.submitting);
    try {
      // The submit code is usually here already (asked for on the first input); busy until it is.
      const after = this.#after ?? (await this.#loadAfter());
      await after.decision.submit(client, body);
    } catch (error) {
      return this.#failed(error instanceof CcApiError ? error : CcApiError.network(error));
    } finally {
      this.#submitting = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#decision-title')?.focus();
  }

  /** A 422 goes to the field its param names (on that field's step); anything else to the alert and cc-error. */
  async #failed(error: CcApiError): Promise<void> {
    const spec = error.status === 422 ? fieldForParam(error.param) : undefined;
    if (spec) {
      this.#errors[spec.name] = { code: error.code, message: error.message };
      this.#step = spec.step;
      return this.#showErrors();
    }
    this.#alert = apiErrorText(error, this.#m);
    this.requestUpdate();
    const failed = new CcErrorEvent({ code: error.code, message: error.message });
    this.dispatchEvent(failed);
  }
}
