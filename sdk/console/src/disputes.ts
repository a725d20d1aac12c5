import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, Dispute, Invoice, Page } from './api.js';
import { formatDate, formatMoney } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, loadView, select, textarea } from './part.js';

interface Row {
  dispute: Dispute;
  invoice?: Invoice | undefined;
  contact?: Contact | undefined;
}

/**
 * The dispute queue: each open dispute with the contact's explanation, the disputed amount
 * and the invoice's balance; resolve it with a credit (the disputed amount off the balance)
 * or reject it (the invoice returns to its status before), with a note for the contact.
 *
 * @tagname cc-console-disputes
 */
export class CcConsoleDisputes extends ConsolePart {
  /** A dispute to show first (`#/disputes/dsp_…`). */
  @property({ attribute: 'dispute-id' }) disputeId = '';
  @state() private status: 'open' | 'resolved' = 'open';
  @state() private outcome: Record<string, 'credit' | 'reject' | ''> = {};
  @state() private notes: Record<string, string> = {};
  @state() private resolving = '';
  @state() private done = '';

  readonly queue = new Load<Row[]>(this, async (signal) => {
    const api = this.ctx!.api;
    const page = await api.get<Page<Dispute>>(
      '/v1/disputes',
      { status: this.disputeId ? undefined : this.status, limit: 50 },
      signal,
    );
    let disputes = page.data;
    if (this.disputeId) {
      const mine =
        disputes.find((d) => d.id === this.disputeId) ??
        (await api.get<Dispute>(`/v1/disputes/${encodeURIComponent(this.disputeId)}`, undefined, signal));
      disputes = [mine, ...disputes.filter((d) => d.id !== mine.id && d.status === this.status)];
    }
    const byId = <T>(path: string, ids: string[]) =>
      Promise.all(
        [...new Set(ids)].map((id) =>
          api.get<T>(`${path}/${encodeURIComponent(id)}`, undefined, signal).catch(() => undefined),
        ),
      );
    const [invoices, contacts] = await Promise.all([
      byId<Invoice>(
        '/v1/invoices',
        disputes.map((d) => d.invoiceId),
      ),
      byId<Contact>(
        '/v1/contacts',
        disputes.map((d) => d.contactId),
      ),
    ]);
    return disputes.map((dispute) => ({
      dispute,
      invoice: invoices.find((i) => i?.id === dispute.invoiceId),
      contact: contacts.find((c) => c?.id === dispute.contactId),
    }));
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (
      this.ctx &&
      (this.queue.state === 'idle' || (changed.has('disputeId') && changed.get('disputeId') !== undefined))
    )
      void this.queue.run();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const m = t.disputes;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${t.nav.disputes}</h1>
        <div class="field narrow">
          ${select(t, {
            id: 'dispute-status',
            label: m.show,
            value: this.status,
            options: [
              { value: 'open', label: m.open },
              { value: 'resolved', label: m.resolved },
            ],
            onInput: (v) => ((this.status = v as 'open' | 'resolved'), (this.done = ''), void this.queue.run()),
          })}
        </div>
      </div>
      ${this.done ? html`<p class="success">${this.done}</p>` : nothing}
      ${this.feedback()}
      ${loadView(t, this.queue, m.what, (rows) =>
        rows.length
          ? html`<div class="page">${rows.map((r) => this.#card(r))}</div>`
          : emptyView(this.status === 'open' ? m.noneOpen : m.noneResolved),
      )}
    </div>`;
  }

  #card({ dispute: d, invoice, contact }: Row): TemplateResult {
    const loc = this.loc;
    const outcome = this.outcome[d.id] ?? '';
    const credit = invoice ? Math.min(d.amount, invoice.balance) : d.amount;
    const t = this.t;
    const m = t.disputes;
    return html`<section class="card" id="dispute-${d.id}" aria-labelledby="h-${d.id}">
      <h2 id="h-${d.id}">
        ${m.title(contact?.companyName, invoice?.number)}
      </h2>
      <dl class="facts">
        <dt>${t.common.status}</dt><dd>${badge(t, d.status)}${d.outcome ? html` · ${m.outcome[d.outcome]}` : nothing}</dd>
        <dt>${m.explanation}</dt><dd><blockquote>${d.explanation}</blockquote></dd>
        <dt>${m.disputedAmount}</dt><dd part="amount">${formatMoney(d.amount, d.currency, loc)}</dd>
        <dt>${m.invoiceBalance}</dt><dd part="amount">${invoice ? formatMoney(invoice.balance, invoice.currency, loc) : '—'}</dd>
        <dt>${m.opened}</dt><dd>${formatDate(d.createdAt, loc)}</dd>
        ${d.note ? html`<dt>${m.note}</dt><dd>${d.note}</dd>` : nothing}
        ${contact ? html`<dt>${t.common.contact}</dt><dd><a href="#/contacts/${contact.id}">${contact.companyName}</a> · ${contact.email}</dd>` : nothing}
      </dl>
      ${
        d.status === 'open'
          ? html`<form novalidate aria-label=${m.resolveForm} @submit=${(e: Event) => this.#resolve(e, d)}>
            <fieldset>
              <legend>${m.resolve}</legend>
              <div class="choice">
                <input type="radio" id="credit-${d.id}" name="outcome-${d.id}" value="credit" .checked=${outcome === 'credit'}
                  aria-invalid=${this.errors[`credit-${d.id}`] ? 'true' : 'false'} aria-describedby=${this.errors[`credit-${d.id}`] ? `credit-${d.id}-error` : nothing}
                  @change=${() => this.#choose(d.id, 'credit')} />
                <label for="credit-${d.id}">${m.creditOff(formatMoney(credit, d.currency, loc))}</label>
              </div>
              <div class="choice">
                <input type="radio" id="reject-${d.id}" name="outcome-${d.id}" value="reject" .checked=${outcome === 'reject'} @change=${() => this.#choose(d.id, 'reject')} />
                <label for="reject-${d.id}">${m.reject}</label>
              </div>
              ${this.errors[`credit-${d.id}`] ? html`<p class="error" id="credit-${d.id}-error">${this.errors[`credit-${d.id}`]}</p>` : nothing}
            </fieldset>
            ${textarea(t, { id: `note-${d.id}`, label: m.noteLabel, required: false, value: this.notes[d.id] ?? '', error: this.errors[`note-${d.id}`], onInput: (v) => (this.notes = { ...this.notes, [d.id]: v }) })}
            <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${this.resolving === d.id ? m.resolving : m.resolveButton}</button></div>
          </form>`
          : nothing
      }
    </section>`;
  }

  #choose(id: string, outcome: 'credit' | 'reject'): void {
    this.outcome = { ...this.outcome, [id]: outcome };
    this.errors = { ...this.errors, [`credit-${id}`]: '' };
  }

  async #resolve(event: Event, d: Dispute): Promise<void> {
    event.preventDefault();
    const outcome = this.outcome[d.id];
    const m = this.t.disputes;
    if (!(await this.showErrors(outcome ? {} : { [`credit-${d.id}`]: m.choose }))) return;
    this.resolving = d.id;
    await this.act(
      async () => {
        const note = this.notes[d.id]?.trim();
        await this.ctx!.api.post<Dispute>(`/v1/disputes/${encodeURIComponent(d.id)}/resolve`, {
          outcome,
          ...(note ? { note } : {}),
        });
        this.done = outcome === 'credit' ? m.creditDone(formatMoney(d.amount, d.currency, this.loc)) : m.rejectDone;
        this.ctx!.announce(this.done);
        this.disputeId = '';
        await this.queue.run();
        await this.updateComplete;
        this.focusHeading();
      },
      (param) => (param === 'note' ? `note-${d.id}` : param === 'outcome' ? `credit-${d.id}` : undefined),
    );
    this.resolving = '';
  }
}
