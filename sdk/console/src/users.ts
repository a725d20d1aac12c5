import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiKey, ConsoleUser, Page, Role } from './api.js';
import { formatDate, statusText } from './format.js';
import { Load } from './load.js';
import type { ConsoleMessages } from './messages.js';
import { ConsolePart, badge, emptyView, input, loadView, select, tableWrap } from './part.js';

const adminOnly = (t: ConsoleMessages, what: string) =>
  html`<p class="alert" role="note">${t.users.adminOnly(what)}</p>`;

/**
 * The company's dashboard users (admin only): list, add (admin or member, with a first
 * password) and remove; the last admin cannot be removed.
 *
 * @tagname cc-console-users
 */
export class CcConsoleUsers extends ConsolePart {
  @state() private draft = { name: '', email: '', role: 'member' as Role, password: '' };

  readonly list = new Load<ConsoleUser[]>(this, (signal) =>
    this.ctx!.api.get<Page<ConsoleUser>>('/v1/users', { limit: 100 }, signal).then((p) => p.data),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.isAdmin && this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div class="page">
      <h1 tabindex="-1">${t.nav.users}</h1>
      ${this.isAdmin ? html`${loadView(t, this.list, t.users.what, (users) => this.#table(users))} ${this.#form()}` : adminOnly(t, t.users.what)}
    </div>`;
  }

  #table(users: ConsoleUser[]): TemplateResult {
    const t = this.t;
    const { common, users: m } = t;
    if (!users.length) return emptyView(m.none);
    const me = this.ctx?.user.id;
    return tableWrap(
      t.nav.users,
      html`<table part="table">
        <thead><tr><th scope="col">${m.name}</th><th scope="col">${common.email}</th><th scope="col">${common.role}</th><th scope="col">${common.added}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${users.map(
          (
            u,
          ) => html`<tr part="row"><th scope="row">${u.id === me ? m.you(u.name) : u.name}</th><td>${u.email}</td><td>${statusText(t, u.role)}</td><td>${formatDate(u.createdAt, this.loc)}</td>
            <td>${u.id === me ? nothing : html`<button type="button" class="danger" aria-label=${m.removeLabel(u.name)} @click=${() => this.#remove(u)}>${common.remove}</button>`}</td></tr>`,
        )}</tbody>
      </table>`,
    );
  }

  #form(): TemplateResult {
    const set = (key: keyof typeof this.draft) => (value: string) => (this.draft = { ...this.draft, [key]: value });
    const t = this.t;
    const { common, users: m } = t;
    return html`<form class="card" novalidate aria-labelledby="add-user-h" @submit=${this.#add}>
      <h2 id="add-user-h">${m.addTitle}</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${input(t, { id: 'user-name', label: m.name, value: this.draft.name, error: this.errors['user-name'], required: true, onInput: set('name') })}
        ${input(t, { id: 'user-email', label: common.email, type: 'email', value: this.draft.email, error: this.errors['user-email'], required: true, onInput: set('email') })}
        ${select(t, { id: 'user-role', label: common.role, value: this.draft.role, options: (['member', 'admin'] as const).map((value) => ({ value, label: m.roles[value] })), onInput: set('role') })}
        ${input(t, { id: 'user-password', label: m.firstPassword, type: 'password', autocomplete: 'new-password', hint: m.passwordHint, value: this.draft.password, error: this.errors['user-password'], required: true, onInput: set('password') })}
      </div>
      <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.add}</button></div>
    </form>`;
  }

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const errors: Record<string, string> = {};
    const t = this.t;
    if (!d.name.trim()) errors['user-name'] = t.users.nameEmpty;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors['user-email'] = t.common.emailInvalid;
    if (d.password.length < 10) errors['user-password'] = t.common.passwordShort;
    if (!(await this.showErrors(errors))) return;
    const fields: Record<string, string> = {
      name: 'user-name',
      email: 'user-email',
      role: 'user-role',
      password: 'user-password',
    };
    await this.act(
      async () => {
        const user = await this.ctx!.api.post<ConsoleUser>('/v1/users', {
          name: d.name.trim(),
          email: d.email.trim(),
          role: d.role,
          password: d.password,
        });
        this.draft = { name: '', email: '', role: 'member', password: '' };
        this.ctx!.announce(t.users.added(user.name, statusText(t, user.role)));
        await this.list.run();
      },
      (param) => fields[param],
    );
  }

  async #remove(user: ConsoleUser): Promise<void> {
    const m = this.t.users;
    if (!confirm(m.removeConfirm(user.name))) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/users/${encodeURIComponent(user.id)}`);
      this.ctx!.announce(m.removed(user.name));
      await this.list.run();
    });
  }
}

/**
 * API keys (admin only): publishable keys (shown again whenever asked) and secret keys
 * (shown once, in a dialog, at creation); create and revoke.
 *
 * @tagname cc-console-api-keys
 */
export class CcConsoleApiKeys extends ConsolePart {
  @state() private kind: 'secret' | 'publishable' = 'secret';
  @state() private keyRole: Role = 'member';
  @state() private created?: ApiKey | undefined;

  readonly list = new Load<ApiKey[]>(this, (signal) =>
    this.ctx!.api.get<Page<ApiKey>>('/v1/api-keys', { limit: 100 }, signal).then((p) => p.data),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.isAdmin && this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const m = t.apiKeys;
    return html`<div class="page">
      <h1 tabindex="-1">${t.nav.apiKeys}</h1>
      ${
        this.isAdmin
          ? html`<p>${m.intro(html`<code>pk_…</code>`, html`<code>sk_…</code>`)}</p>
            ${loadView(t, this.list, m.what, (keys) => this.#table(keys))} ${this.#form()}`
          : adminOnly(t, m.what)
      }
      <dialog id="secret-dialog" aria-labelledby="secret-h" @close=${() => (this.created = undefined)}>
        ${
          this.created
            ? html`<h2 id="secret-h">${m.newSecret}</h2>
              <p>${m.copyNow}</p>
              <pre><code id="new-secret">${this.created.secret}</code></pre>
              <div class="actions">
                <button type="button" @click=${() => this.#copy(this.created?.secret ?? '')}>${m.copy}</button>
                <button type="button" class="primary" @click=${() => this.#closeDialog()}>${t.common.savedIt}</button>
              </div>`
            : html`<h2 id="secret-h">${m.newSecret}</h2>`
        }
      </dialog>
    </div>`;
  }

  #table(keys: ApiKey[]): TemplateResult {
    const t = this.t;
    const { common, apiKeys: m } = t;
    if (!keys.length) return emptyView(m.none);
    return tableWrap(
      t.nav.apiKeys,
      html`<table part="table">
        <thead><tr><th scope="col">${m.key}</th><th scope="col">${m.kind}</th><th scope="col">${common.role}</th><th scope="col">${m.created}</th><th scope="col">${common.status}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${keys.map(
          (k) => html`<tr part="row">
            <th scope="row"><code>${k.publishableKey ?? `sk_…${k.last4}`}</code></th>
            <td>${k.kind === 'secret' ? m.secret : m.publishable}</td>
            <td>${k.kind === 'secret' ? statusText(t, k.role) : '—'}</td>
            <td>${formatDate(k.createdAt, this.loc)}</td>
            <td>${k.revokedAt ? badge(t, 'cancelled') : badge(t, 'active')}</td>
            <td>${k.revokedAt ? nothing : html`<button type="button" class="danger" aria-label=${m.revokeLabel(k.last4)} @click=${() => this.#revoke(k)}>${m.revoke}</button>`}</td>
          </tr>`,
        )}</tbody>
      </table>`,
    );
  }

  #form(): TemplateResult {
    const t = this.t;
    const m = t.apiKeys;
    return html`<form class="card" novalidate aria-labelledby="new-key-h" @submit=${this.#create}>
      <h2 id="new-key-h">${m.createTitle}</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select(t, { id: 'key-kind', label: m.kind, value: this.kind, options: (['secret', 'publishable'] as const).map((value) => ({ value, label: m.kinds[value] })), onInput: (v) => (this.kind = v as 'secret') })}
        ${
          this.kind === 'secret'
            ? select(t, {
                id: 'key-role',
                label: t.common.role,
                value: this.keyRole,
                options: (['member', 'admin'] as const).map((value) => ({ value, label: statusText(t, value) })),
                onInput: (v) => (this.keyRole = v as Role),
              })
            : nothing
        }
      </div>
      <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.create}</button></div>
    </form>`;
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    await this.act(async () => {
      const key = await this.ctx!.api.post<ApiKey>(
        '/v1/api-keys',
        this.kind === 'secret' ? { kind: 'secret', role: this.keyRole } : { kind: 'publishable' },
      );
      await this.list.run();
      if (key.secret) {
        this.created = key;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog')?.showModal();
      } else {
        this.ctx!.announce(this.t.apiKeys.publishableCreated);
      }
    });
  }

  #closeDialog(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog')?.close();
    this.created = undefined;
    this.ctx?.announce(this.t.apiKeys.secretCreated);
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.ctx?.announce(this.t.apiKeys.copied);
    } catch {
      this.ctx?.announce(this.t.apiKeys.copyBlocked);
    }
  }

  async #revoke(key: ApiKey): Promise<void> {
    const m = this.t.apiKeys;
    if (!confirm(m.revokeConfirm(key.kind, key.last4))) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/api-keys/${encodeURIComponent(key.id)}`);
      this.ctx!.announce(m.revoked);
      await this.list.run();
    });
  }
}
