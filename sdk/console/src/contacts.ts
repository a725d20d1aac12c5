import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Contact, Page } from './api.js';
import { formatDate } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, input, loadView, select, statusOptions, tableWrap } from './part.js';

/** The statuses the contacts list filters by. */
export const contactStatuses = ['prospect', 'verified', 'authorized', 'credit_declined'] as const;

/**
 * The contacts list: status, search by company or email (`q`), a status filter, paging,
 * and a form to add a contact.
 *
 * @tagname cc-console-contacts
 */
export class CcConsoleContacts extends ConsolePart {
  @state() private q = '';
  @state() private status = '';
  @state() private adding = false;
  @state() private draft = { companyName: '', email: '', name: '' };
  @state() private more: Contact[] = [];
  @state() private hasMore = false;

  readonly list = new Load<Page<Contact>>(this, async (signal) => {
    const page = await this.ctx!.api.get<Page<Contact>>(
      '/v1/contacts',
      { q: this.q.trim() || undefined, status: this.status || undefined, limit: 25 },
      signal,
    );
    this.more = [];
    this.hasMore = page.hasMore;
    return page;
  });

  #timer?: ReturnType<typeof setTimeout>;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.list.state === 'idle') void this.list.run();
  }

  #search(value: string): void {
    this.q = value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.list.run(), 250);
  }

  async #loadMore(): Promise<void> {
    const all = [...(this.list.value?.data ?? []), ...this.more];
    const last = all.at(-1);
    if (!last) return;
    await this.act(async () => {
      const page = await this.ctx!.api.get<Page<Contact>>('/v1/contacts', {
        q: this.q.trim() || undefined,
        status: this.status || undefined,
        limit: 25,
        startingAfter: last.id,
      });
      this.more = [...this.more, ...page.data];
      this.hasMore = page.hasMore;
    });
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${t.nav.contacts}</h1>
        <button type="button" aria-expanded=${this.adding ? 'true' : 'false'} aria-controls="add-contact" @click=${this.#toggleAdd}>${t.contacts.add}</button>
      </div>
      ${this.adding ? this.#addForm() : nothing}
      <form class="toolbar" role="search" aria-label=${t.contacts.filter} @submit=${(e: Event) => (e.preventDefault(), void this.list.run())}>
        ${input(t, { id: 'q', label: t.contacts.search, type: 'search', value: this.q, onInput: (v) => this.#search(v) })}
        <div class="field narrow">
          ${select(t, { id: 'status', label: t.common.status, value: this.status, options: statusOptions(t, contactStatuses), onInput: (v) => ((this.status = v), void this.list.run()) })}
        </div>
      </form>
      ${loadView(t, this.list, t.contacts.what, (page) => this.#table([...page.data, ...this.more]))}
    </div>`;
  }

  async #toggleAdd(): Promise<void> {
    this.adding = !this.adding;
    this.clearFeedback();
    if (this.adding) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#new-company')?.focus();
    }
  }

  #addForm(): TemplateResult {
    const set = (name: keyof typeof this.draft) => (value: string) => (this.draft = { ...this.draft, [name]: value });
    const t = this.t;
    return html`<form id="add-contact" class="card" novalidate aria-labelledby="add-h" @submit=${this.#add}>
      <h2 id="add-h">${t.contacts.newContact}</h2>
      ${this.feedback()}
      <div class="grid-2">
        ${input(t, { id: 'new-company', label: t.common.companyName, value: this.draft.companyName, error: this.errors['new-company'], required: true, onInput: set('companyName') })}
        ${input(t, { id: 'new-email', label: t.contacts.billingEmail, type: 'email', value: this.draft.email, error: this.errors['new-email'], required: true, onInput: set('email') })}
        ${input(t, { id: 'new-name', label: t.contacts.person, value: this.draft.name, required: false, onInput: set('name') })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.contacts.save}</button>
        <button type="button" @click=${this.#toggleAdd}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  async #add(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.draft.companyName.trim()) errors['new-company'] = this.t.contacts.companyEmpty;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.draft.email.trim())) errors['new-email'] = this.t.contacts.emailInvalid;
    if (!(await this.showErrors(errors))) return;
    const fields: Record<string, string> = { companyName: 'new-company', email: 'new-email', name: 'new-name' };
    await this.act(
      async () => {
        const body = {
          companyName: this.draft.companyName.trim(),
          email: this.draft.email.trim(),
          ...(this.draft.name.trim() ? { name: this.draft.name.trim() } : {}),
        };
        const contact = await this.ctx!.api.post<Contact>('/v1/contacts', body);
        this.draft = { companyName: '', email: '', name: '' };
        this.adding = false;
        this.ctx!.announce(this.t.contacts.added(contact.companyName));
        this.ctx!.navigate(`#/contacts/${contact.id}`);
      },
      (param) => fields[param],
    );
  }

  #table(contacts: Contact[]): TemplateResult {
    const t = this.t;
    if (!contacts.length) {
      return emptyView(this.q || this.status ? t.contacts.noMatch : t.contacts.none);
    }
    return html`${tableWrap(
      t.nav.contacts,
      html`<table part="table">
          <thead><tr><th scope="col">${t.contacts.company}</th><th scope="col">${t.common.email}</th><th scope="col">${t.common.status}</th><th scope="col">${t.contacts.terms}</th><th scope="col">${t.common.added}</th></tr></thead>
          <tbody>
            ${contacts.map(
              (c) => html`<tr part="row">
                <th scope="row"><a href="#/contacts/${c.id}">${c.companyName}</a></th>
                <td>${c.email}</td>
                <td>${badge(t, c.status)}</td>
                <td>${c.terms ? t.common.net(c.terms.netDays) : '—'}</td>
                <td>${formatDate(c.createdAt, this.loc)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`,
    )}
      ${this.hasMore ? html`<p><button type="button" @click=${this.#loadMore}>${t.contacts.loadMore}</button></p>` : nothing}`;
  }
}
