import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveApiBase } from '../internal/api-base.js';
import { CcApiError } from '../internal/api-error.js';
import { RetryKey } from '../internal/retry-key.js';
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
    return html`<div class="page card">
      <h1 tabindex="-1">Sign in to your dashboard</h1>
      ${this.#notice()}
      <form part="form" novalidate @submit=${this.#submitSignIn}>
        ${this.feedback()}
        ${input({ id: 'email', label: 'Email', type: 'email', autocomplete: 'username', value: this.#v('email'), error: this.errors.email, required: true, onInput: this.#set('email') })}
        ${input({ id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', value: this.#v('password'), error: this.errors.password, required: true, onInput: this.#set('password') })}
        <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Signing in…' : 'Sign in'}</button></div>
      </form>
      <p><button type="button" class="link" @click=${() => this.#switch('forgot')}>Forgot your password?</button></p>
      <p>New to CustomerConnect? <button type="button" class="link" @click=${() => this.#switch('sign-up')}>Create a company account</button></p>
    </div>`;
  }

  #checkEmail(errors: Record<string, string>, id: string): void {
    const email = this.#v(id).trim();
    if (!email) errors[id] = 'Enter your email.';
    else if (!emailShape.test(email)) errors[id] = 'Enter an email address like name@company.com.';
  }

  async #submitSignIn(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    this.#checkEmail(errors, 'email');
    if (!this.#v('password')) errors.password = 'Enter your password.';
    if (!(await this.showErrors(errors))) return;
    await this.act(async () => {
      const body = { email: this.#v('email').trim(), password: this.#v('password') };
      let answer: LoginAnswer;
      try {
        answer = await ConsoleApi.login(resolveApiBase(this.apiBase), body.email, body.password, this.#retry.next(body));
      } catch (error) {
        this.#retry.failed(error);
        if (error instanceof CcApiError && error.code === 'invalid_login') {
          await this.showErrors({ password: 'That email and password do not match an account.' });
          return;
        }
        throw error;
      }
      this.values = {};
      this.dispatchEvent(new CustomEvent('cc-console-signed-in', { detail: answer, bubbles: true, composed: true }));
    });
  }

  #forgot(): TemplateResult {
    return html`<div class="page card">
      <h1 tabindex="-1">Reset your password</h1>
      ${this.done
        ? html`<p class="success" role="status">${this.done}</p>`
        : html`<p>We'll email you a link to set a new password. It works for an hour.</p>
            <form part="form" novalidate @submit=${this.#submitForgot}>
              ${this.feedback()}
              ${input({ id: 'reset-email', label: 'Email', type: 'email', autocomplete: 'username', value: this.#v('reset-email'), error: this.errors['reset-email'], required: true, onInput: this.#set('reset-email') })}
              <div class="actions"><button class="primary" part="button button-primary">Email me a link</button></div>
            </form>`}
      <p><button type="button" class="link" @click=${() => this.#switch('sign-in')}>Back to sign in</button></p>
    </div>`;
  }

  async #submitForgot(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    this.#checkEmail(errors, 'reset-email');
    if (!(await this.showErrors(errors))) return;
    await this.act(async () => {
      await ConsoleApi.requestPasswordReset(resolveApiBase(this.apiBase), this.#v('reset-email').trim());
      this.done = `If ${this.#v('reset-email').trim()} has an account, a reset link is on its way. Check your inbox.`;
    });
  }

  #reset(): TemplateResult {
    return html`<div class="page card">
      <h1 tabindex="-1">Choose a new password</h1>
      <form part="form" novalidate @submit=${this.#submitReset}>
        ${this.feedback()}
        ${input({ id: 'new-password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters.', value: this.#v('new-password'), error: this.errors['new-password'], required: true, onInput: this.#set('new-password') })}
        <div class="actions"><button class="primary" part="button button-primary">Set password</button></div>
      </form>
    </div>`;
  }

  async #submitReset(event: Event): Promise<void> {
    event.preventDefault();
    const password = this.#v('new-password');
    if (!(await this.showErrors(password.length < 10 ? { 'new-password': 'Use at least 10 characters.' } : {}))) return;
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
    if (this.secretKey) {
      return html`<div class="page card">
        <h1 tabindex="-1">Your company account is ready</h1>
        <p>This is your secret API key for your own servers. Copy it now: it is shown only once.</p>
        <pre><code>${this.secretKey}</code></pre>
        <div class="actions"><button class="primary" part="button button-primary" @click=${() => this.#continueAfterSignUp()}>Continue to the dashboard</button></div>
      </div>`;
    }
    return html`<div class="page card">
      <h1 tabindex="-1">Create a company account</h1>
      <form part="form" novalidate @submit=${this.#submitSignUp}>
        ${this.feedback()}
        ${input({ id: 'company', label: 'Company name', autocomplete: 'organization', value: this.#v('company'), error: this.errors.company, required: true, onInput: this.#set('company') })}
        ${input({ id: 'admin-email', label: 'Your work email', type: 'email', autocomplete: 'username', value: this.#v('admin-email'), error: this.errors['admin-email'], required: true, onInput: this.#set('admin-email') })}
        ${input({ id: 'admin-password', label: 'Password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters.', value: this.#v('admin-password'), error: this.errors['admin-password'], required: true, onInput: this.#set('admin-password') })}
        <div class="actions"><button class="primary" part="button button-primary">Create account</button></div>
      </form>
      <p><button type="button" class="link" @click=${() => this.#switch('sign-in')}>I already have an account</button></p>
    </div>`;
  }

  async #submitSignUp(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.#v('company').trim()) errors.company = 'Enter your company name.';
    this.#checkEmail(errors, 'admin-email');
    if (this.#v('admin-password').length < 10) errors['admin-password'] = 'Use at least 10 characters.';
    if (!(await this.showErrors(errors))) return;
    const fields: Record<string, string> = { name: 'company', adminEmail: 'admin-email', adminPassword: 'admin-password' };
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
      const answer = await ConsoleApi.login(resolveApiBase(this.apiBase), this.#v('admin-email').trim(), this.#v('admin-password'));
      this.secretKey = '';
      this.values = {};
      this.dispatchEvent(new CustomEvent('cc-console-signed-in', { detail: answer, bubbles: true, composed: true }));
    });
  }
}
