import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiKey, ConsoleUser, Page, Role } from './api.js';
import { formatDate, statusText } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, input, loadView, select, tableWrap } from './part.js';

const adminOnly = (what: string) => html`<p class="alert" role="note">Only an admin can see and manage ${what}. Ask an admin of your company.</p>`;

/**
 * The company's dashboard users (admin only): list, add (admin or member, with a first
 * password) and remove; the last admin cannot be removed.
 *
 * @tagname cc-console-users
 */
export class CcConsoleUsers extends ConsolePart {
  @state() private draft = { name: '', email: '', role: 'member' as Role, password: '' };

  readonly list = new Load<ConsoleUser[]>(this, (signal) => this.ctx!.api.get<Page<ConsoleUser>>('/v1/users', { limit: 100 }, signal).then((p) => p.data));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.isAdmin && this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    return html`<div class="page">
      <h1 tabindex="-1">Users</h1>
      ${this.isAdmin ? html`${loadView(this.list, 'users', (users) => this.#table(users))} ${this.#form()}` : adminOnly('users')}
    </div>`;
  }

  #table(users: ConsoleUser[]): TemplateResult {
    if (!users.length) return emptyView('No users.');
    const me = this.ctx?.user.id;
    return tableWrap(
      'Users',
      html`<table part="table">
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${users.map(
          (u) => html`<tr part="row"><th scope="row">${u.name}${u.id === me ? ' (you)' : ''}</th><td>${u.email}</td><td>${statusText(u.role)}</td><td>${formatDate(u.createdAt, this.loc)}</td>
            <td>${u.id === me ? nothing : html`<button type="button" class="danger" aria-label="Remove ${u.name}" @click=${() => this.#remove(u)}>Remove</button>`}</td></tr>`,
        )}</tbody>
      </table>`,
    );
  }

  #form(): TemplateResult {
    const set = (key: keyof typeof this.draft) => (value: string) => (this.draft = { ...this.draft, [key]: value });
    return html`<form class="card" novalidate aria-labelledby="add-user-h" @submit=${this.#add}>
      <h2 id="add-user-h">Add a user</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${input({ id: 'user-name', label: 'Name', value: this.draft.name, error: this.errors['user-name'], required: true, onInput: set('name') })}
        ${input({ id: 'user-email', label: 'Email', type: 'email', value: this.draft.email, error: this.errors['user-email'], required: true, onInput: set('email') })}
        ${select({ id: 'user-role', label: 'Role', value: this.draft.role, options: [{ value: 'member', label: 'Member: invoices, contacts, payment requests, disputes' }, { value: 'admin', label: 'Admin: also settings, users and keys' }], onInput: set('role') })}
        ${input({ id: 'user-password', label: 'First password', type: 'password', autocomplete: 'new-password', hint: 'At least 10 characters; share it safely. They can reset it from the sign-in page.', value: this.draft.password, error: this.errors['user-password'], required: true, onInput: set('password') })}
      </div>
      <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Add user</button></div>
    </form>`;
  }

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft;
    const errors: Record<string, string> = {};
    if (!d.name.trim()) errors['user-name'] = 'Enter their name.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) errors['user-email'] = 'Enter an email address.';
    if (d.password.length < 10) errors['user-password'] = 'Use at least 10 characters.';
    if (!(await this.showErrors(errors))) return;
    const fields: Record<string, string> = { name: 'user-name', email: 'user-email', role: 'user-role', password: 'user-password' };
    await this.act(
      async () => {
        const user = await this.ctx!.api.post<ConsoleUser>('/v1/users', { name: d.name.trim(), email: d.email.trim(), role: d.role, password: d.password });
        this.draft = { name: '', email: '', role: 'member', password: '' };
        this.ctx!.announce(`${user.name} added as ${statusText(user.role).toLowerCase()}.`);
        await this.list.run();
      },
      (param) => fields[param],
    );
  }

  async #remove(user: ConsoleUser): Promise<void> {
    if (!confirm(`Remove ${user.name}? They are signed out at once.`)) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/users/${encodeURIComponent(user.id)}`);
      this.ctx!.announce(`${user.name} removed.`);
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

  readonly list = new Load<ApiKey[]>(this, (signal) => this.ctx!.api.get<Page<ApiKey>>('/v1/api-keys', { limit: 100 }, signal).then((p) => p.data));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.isAdmin && this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    return html`<div class="page">
      <h1 tabindex="-1">API keys</h1>
      ${this.isAdmin
        ? html`<p>Publishable keys (<code>pk_…</code>) go in your web pages. Secret keys (<code>sk_…</code>) are for your servers only: they are shown once.</p>
            ${loadView(this.list, 'API keys', (keys) => this.#table(keys))} ${this.#form()}`
        : adminOnly('API keys')}
      <dialog id="secret-dialog" aria-labelledby="secret-h" @close=${() => (this.created = undefined)}>
        ${this.created
          ? html`<h2 id="secret-h">Your new secret key</h2>
              <p>Copy it now and keep it on your server. It will not be shown again.</p>
              <pre><code id="new-secret">${this.created.secret}</code></pre>
              <div class="actions">
                <button type="button" @click=${() => this.#copy(this.created?.secret ?? '')}>Copy</button>
                <button type="button" class="primary" @click=${() => this.#closeDialog()}>I've saved it</button>
              </div>`
          : html`<h2 id="secret-h">Your new secret key</h2>`}
      </dialog>
    </div>`;
  }

  #table(keys: ApiKey[]): TemplateResult {
    if (!keys.length) return emptyView('No keys.');
    return tableWrap(
      'API keys',
      html`<table part="table">
        <thead><tr><th scope="col">Key</th><th scope="col">Kind</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col">Status</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>${keys.map(
          (k) => html`<tr part="row">
            <th scope="row"><code>${k.publishableKey ?? `sk_…${k.last4}`}</code></th>
            <td>${k.kind === 'secret' ? 'Secret' : 'Publishable'}</td>
            <td>${k.kind === 'secret' ? statusText(k.role) : '—'}</td>
            <td>${formatDate(k.createdAt, this.loc)}</td>
            <td>${k.revokedAt ? badge('cancelled') : badge('active')}</td>
            <td>${k.revokedAt ? nothing : html`<button type="button" class="danger" aria-label="Revoke key ending ${k.last4}" @click=${() => this.#revoke(k)}>Revoke</button>`}</td>
          </tr>`,
        )}</tbody>
      </table>`,
    );
  }

  #form(): TemplateResult {
    return html`<form class="card" novalidate aria-labelledby="new-key-h" @submit=${this.#create}>
      <h2 id="new-key-h">Create a key</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${select({ id: 'key-kind', label: 'Kind', value: this.kind, options: [{ value: 'secret', label: 'Secret key (servers)' }, { value: 'publishable', label: 'Publishable key (web pages)' }], onInput: (v) => (this.kind = v as 'secret') })}
        ${this.kind === 'secret'
          ? select({ id: 'key-role', label: 'Role', value: this.keyRole, options: [{ value: 'member', label: 'Member' }, { value: 'admin', label: 'Admin' }], onInput: (v) => (this.keyRole = v as Role) })
          : nothing}
      </div>
      <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Create key</button></div>
    </form>`;
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    await this.act(async () => {
      const key = await this.ctx!.api.post<ApiKey>('/v1/api-keys', this.kind === 'secret' ? { kind: 'secret', role: this.keyRole } : { kind: 'publishable' });
      await this.list.run();
      if (key.secret) {
        this.created = key;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog')?.showModal();
      } else {
        this.ctx!.announce('Publishable key created.');
      }
    });
  }

  #closeDialog(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('#secret-dialog')?.close();
    this.created = undefined;
    this.ctx?.announce('Secret key created.');
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.ctx?.announce('Copied.');
    } catch {
      this.ctx?.announce('Copying is not allowed here: select the key and copy it.');
    }
  }

  async #revoke(key: ApiKey): Promise<void> {
    if (!confirm(`Revoke the ${key.kind} key ending ${key.last4}? Anything using it stops working at once.`)) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/api-keys/${encodeURIComponent(key.id)}`);
      this.ctx!.announce('Key revoked.');
      await this.list.run();
    });
  }
}
