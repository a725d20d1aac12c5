import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveApiBase } from '@customerconnect/sdk/internal';
import { CcApiError } from '@customerconnect/sdk';
import { RetryKey } from '@customerconnect/sdk/internal';
import { ConsoleApi, type LoginAnswer } from './api.js';
import { ConsolePart, input } from './part.js';

type Mode = 'sign-in' | 'forgot' | 'reset' | 'sign-up';
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Signing in to the console (email and password), asking for a password-reset email,
 * setting a new password from the emailed link, and creating a company account.
 *
 * @tagname cc-console-sign-in
 * @fires cc-console-signed-in - Signed in; `detail` is the login answer `{ token, user, expiresAt }`.
 * @fires cc-console-reset-done - A new password was set from a reset link.
 */
export class CcConsoleSignIn extends ConsolePart {
  /** A message to show above the form (the session expired, signed out). */
  @property() message = '';
  /** The `pwr_…` token of an emailed reset link: shows the new-password form. */
  @property({ attribute: 'reset-token' }) resetToken = '';

  @state() private mode: Mode = 'sign-in';
  @state() private values: Record<string, string> = {};
  @state() private done = '';
  @state() private secretKey = '';

  readonly #retry = new RetryKey();

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('resetToken') && this.resetToken) this.mode = 'reset';
    if (changed.has('resetToken') && !this.resetToken && this.mode === 'reset') this.mode = 'sign-in';
  }

  #set(name: string) {
    return (value: string) => {
      this.values = { ...this.values, [name]: value };
      if (this.errors[name]) this.errors = { ...this.errors, [name]: '' };
    };
  }

  #v(name: string): string {
    return this.values[name] ?? '';
  }

  async #switch(mode: Mode): Promise<void> {
    this.mode = mode;
    this.clearFeedback();
    this.done = '';
    await this.updateComplete;
    this.focusHeading();
  }

  protected override render(): TemplateResult {
    switch (this.mode) {
      case 'forgot':
        return this.#forgot();
      case 'reset':
        return this.#reset();
      case 'sign-up':
        return this.#signUp();
      default:
        return this.#signIn();
    }
  }

  #notice(): unknown {
    return this.message ? html`<div class="alert" role="alert" part="status">${this.message}</div>` : nothing;
  }

  #signIn(): TemplateResult {
    const t = this.t;
    return html`<div class="page card">
      <h1 tabindex="-1">${t.signIn.title}</h1>
      ${this.#notice()}
      <form part="form" novalidate @submit=${this.#submitSignIn}>
        ${this.feedback()}
        ${input(t, { id: 'email', label: t.common.email, type: 'email', autocomplete: 'username', value: this.#v('email'), error: this.errors.email, required: true, onInput: this.#set('email') })}
        ${input(t, { id: 'password', label: t.common.password, type: 'password', autocomplete: 'current-password', value: this.#v('password'), error: this.errors.password, required: true, onInput: this.#set('password') })}
        <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t.signIn.signingIn : t.signIn.signIn}</button></div>
      </form>
      <p><button type="button" class="link" @click=${() => this.#switch('forgot')}>${t.signIn.forgot}</button></p>
      <p>${t.signIn.newHere} <button type="button" class="link" @click=${() => this.#switch('sign-up')}>${t.signIn.createAccount}</button></p>
    </div>`;
  }

  #checkEmail(errors: Record<string, string>, id: string): void {
    const email = this.#v(id).trim();
    if (!email) errors[id] = this.t.signIn.emailEmpty;
    else if (!emailShape.test(email)) errors[id] = this.t.signIn.emailInvalid;
  }

  async #submitSignIn(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    this.#checkEmail(errors, 'email');
    if (!this.#v('password')) errors.password = this.t.signIn.passwordEmpty;
    if (!(await this.showErrors(errors))) return;
    await this.act(async () => {
      const body = { email: this.#v('email').trim(), password: this.#v('password') };
      let answer: LoginAnswer;
      try {
        answer = await ConsoleApi.login(
          resolveApiBase(this.apiBase),
          body.email,
          body.password,
          this.#retry.next(body),
        );
      } catch (error) {
        this.#retry.failed(error);
        if (error instanceof CcApiError && error.code === 'invalid_login') {
          await this.showErrors({ password: this.t.errors.invalid_login });
          return;
        }
        throw error;
      }
      this.values = {};
      this.dispatchEvent(new CustomEvent('cc-console-signed-in', { detail: answer, bubbles: true, composed: true }));
    });
  }

  #forgot(): TemplateResult {
    const t = this.t;
    return html`<div class="page card">
      <h1 tabindex="-1">${t.signIn.resetTitle}</h1>
      ${
        this.done
          ? html`<p class="success" role="status">${this.done}</p>`
          : html`<p>${t.signIn.resetIntro}</p>
            <form part="form" novalidate @submit=${this.#submitForgot}>
              ${this.feedback()}
              ${input(t, { id: 'reset-email', label: t.common.email, type: 'email', autocomplete: 'username', value: this.#v('reset-email'), error: this.errors['reset-email'], required: true, onInput: this.#set('reset-email') })}
              <div class="actions"><button class="primary" part="button button-primary">${t.signIn.emailMeLink}</button></div>
            </form>`
      }
      <p><button type="button" class="link" @click=${() => this.#switch('sign-in')}>${t.signIn.backToSignIn}</button></p>
    </div>`;
  }

  async #submitForgot(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    this.#checkEmail(errors, 'reset-email');
    if (!(await this.showErrors(errors))) return;
    await this.act(async () => {
      await ConsoleApi.requestPasswordReset(resolveApiBase(this.apiBase), this.#v('reset-email').trim());
      this.done = this.t.signIn.resetSent(this.#v('reset-email').trim());
    });
  }

  #reset(): TemplateResult {
    const t = this.t;
    return html`<div class="page card">
      <h1 tabindex="-1">${t.signIn.newPasswordTitle}</h1>
      <form part="form" novalidate @submit=${this.#submitReset}>
        ${this.feedback()}
        ${input(t, { id: 'new-password', label: t.signIn.newPassword, type: 'password', autocomplete: 'new-password', hint: t.common.passwordHint, value: this.#v('new-password'), error: this.errors['new-password'], required: true, onInput: this.#set('new-password') })}
        <div class="actions"><button class="primary" part="button button-primary">${t.signIn.setPassword}</button></div>
      </form>
    </div>`;
  }

  async #submitReset(event: Event): Promise<void> {
    event.preventDefault();
    const password = this.#v('new-password');
    if (!(await this.showErrors(password.length < 10 ? { 'new-password': this.t.common.passwordShort } : {}))) return;
    await this.act(
      async () => {
        await ConsoleApi.confirmPasswordReset(resolveApiBase(this.apiBase), this.resetToken, password);
        this.values = {};
        this.dispatchEvent(new CustomEvent('cc-console-reset-done', { bubbles: true, composed: true }));
      },
      (param) => (param === 'password' ? 'new-password' : undefined),
    );
  }

  #signUp(): TemplateResult {
    const t = this.t;
    if (this.secretKey) {
      return html`<div class="page card">
        <h1 tabindex="-1">${t.signIn.readyTitle}</h1>
        <p>${t.signIn.secretKey}</p>
        <pre><code>${this.secretKey}</code></pre>
        <div class="actions"><button class="primary" part="button button-primary" @click=${() => this.#continueAfterSignUp()}>${t.signIn.continue}</button></div>
      </div>`;
    }
    return html`<div class="page card">
      <h1 tabindex="-1">${t.signIn.createAccount}</h1>
      <form part="form" novalidate @submit=${this.#submitSignUp}>
        ${this.feedback()}
        ${input(t, { id: 'company', label: t.common.companyName, autocomplete: 'organization', value: this.#v('company'), error: this.errors.company, required: true, onInput: this.#set('company') })}
        ${input(t, { id: 'admin-email', label: t.signIn.workEmail, type: 'email', autocomplete: 'username', value: this.#v('admin-email'), error: this.errors['admin-email'], required: true, onInput: this.#set('admin-email') })}
        ${input(t, { id: 'admin-password', label: t.common.password, type: 'password', autocomplete: 'new-password', hint: t.common.passwordHint, value: this.#v('admin-password'), error: this.errors['admin-password'], required: true, onInput: this.#set('admin-password') })}
        <div class="actions"><button class="primary" part="button button-primary">${t.signIn.create}</button></div>
      </form>
      <p><button type="button" class="link" @click=${() => this.#switch('sign-in')}>${t.signIn.haveAccount}</button></p>
    </div>`;
  }

  async #submitSignUp(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.#v('company').trim()) errors.company = this.t.signIn.companyEmpty;
    this.#checkEmail(errors, 'admin-email');
    if (this.#v('admin-password').length < 10) errors['admin-password'] = this.t.common.passwordShort;
    if (!(await this.showErrors(errors))) return;
    const fields: Record<string, string> = {
      name: 'company',
      adminEmail: 'admin-email',
      adminPassword: 'admin-password',
    };
    await this.act(
      async () => {
        const answer = await ConsoleApi.signUp(resolveApiBase(this.apiBase), {
          name: this.#v('company').trim(),
          adminEmail: this.#v('admin-email').trim(),
          adminPassword: this.#v('admin-password'),
        });
        this.secretKey = answer.secretKey ?? '';
        if (!this.secretKey) await this.#continueAfterSignUp();
        else {
          await this.updateComplete;
          this.focusHeading();
        }
      },
      (param) => fields[param],
    );
  }

  async #continueAfterSignUp(): Promise<void> {
    await this.act(async () => {
      const answer = await ConsoleApi.login(
        resolveApiBase(this.apiBase),
        this.#v('admin-email').trim(),
        this.#v('admin-password'),
      );
      this.secretKey = '';
      this.values = {};
      this.dispatchEvent(new CustomEvent('cc-console-signed-in', { detail: answer, bubbles: true, composed: true }));
    });
  }
}
