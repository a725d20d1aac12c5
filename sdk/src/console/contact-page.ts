import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, CreditApplication, Dispute, Invoice, Page, PaymentRequest, TermsOffer } from './api.js';
import { formatDate, formatDateTime, formatMoney, moneyInputText, readMoney, statusText } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, currencyOptions, emptyView, guardedButton, input, loadView, select, tableWrap } from './part.js';

interface ContactData {
  contact: Contact;
  applications: CreditApplication[];
  offers: TermsOffer[];
  invoices: Invoice[];
  requests: PaymentRequest[];
  disputes: Dispute[];
}

/**
 * One contact: its status, credit decisions (score, reasons, policy version), terms and
 * offers, invoices, payment requests, payments and disputes; offering terms, ending the
 * contract, sending or revoking wallet links. Under the `locked` terms policy a member sees
 * the terms actions disabled with the reason (and the server refuses them too).
 *
 * @tagname cc-console-contact
 */
export class CcConsoleContact extends ConsolePart {
  @property({ attribute: 'contact-id' }) contactId = '';

  @state() private offering = false;
  @state() private offer = { netDays: '', creditLimit: '', currency: '' };
  @state() private notice = '';

  readonly data = new Load<ContactData>(this, async (signal) => {
    const api = this.ctx!.api;
    const id = encodeURIComponent(this.contactId);
    const list = <T>(path: string, query: Record<string, string> = { contactId: this.contactId }) =>
      api.get<Page<T>>(path, { ...query, limit: 20 }, signal).then((p) => p.data);
    const [contact, applications, offers, invoices, requests, disputes] = await Promise.all([
      api.get<Contact>(`/v1/contacts/${id}`, undefined, signal),
      list<CreditApplication>('/v1/credit-applications'),
      list<TermsOffer>(`/v1/contacts/${id}/terms-offers`, {}),
      list<Invoice>('/v1/invoices'),
      list<PaymentRequest>('/v1/payment-requests'),
      list<Dispute>('/v1/disputes'),
    ]);
    return { contact, applications, offers, invoices, requests, disputes };
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && (this.data.state === 'idle' || (changed.has('contactId') && changed.get('contactId') !== undefined))) void this.data.run();
  }

  /** Why this user may not change terms, or undefined when they may. */
  get termsBlockedReason(): string | undefined {
    if (!this.ctx || this.isAdmin) return undefined;
    if (this.ctx.merchant.settings.termsPolicy === 'locked') {
      return "Terms are locked by your company's admin: only an admin can offer, change or end a contact's terms.";
    }
    return undefined;
  }

  protected override render(): TemplateResult {
    const c = this.data.value?.contact;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${c ? c.companyName : 'Contact'}</h1>
        <a href="#/contacts">All contacts</a>
      </div>
      ${this.notice ? html`<p class="success" role="status">${this.notice}</p>` : nothing}
      ${loadView(this.data, 'this contact', (d) => this.#body(d))}
    </div>`;
  }

  #body(d: ContactData): TemplateResult {
    const { contact: c } = d;
    const loc = this.loc;
    return html`<section class="card" aria-labelledby="about-h">
        <h2 id="about-h">About</h2>
        <dl class="facts">
          <dt>Status</dt><dd>${badge(c.status)}</dd>
          <dt>Email</dt><dd>${c.email}</dd>
          <dt>Contact person</dt><dd>${c.name ?? '—'}</dd>
          <dt>Added</dt><dd>${formatDate(c.createdAt, loc)}</dd>
        </dl>
      </section>
      ${this.#terms(d)} ${this.#wallet(c)} ${this.#applications(d.applications)} ${this.#invoices(d)} ${this.#requests(d.requests)}
      ${this.#payments(c)} ${this.#disputes(d.disputes)}`;
  }

  #terms(d: ContactData): TemplateResult {
    const { contact: c } = d;
    const loc = this.loc;
    const reason = this.termsBlockedReason;
    const open = d.offers.find((o) => o.status === 'offered');
    return html`<section class="card" aria-labelledby="terms-h">
      <h2 id="terms-h">Terms</h2>
      ${c.terms
        ? html`<dl class="facts">
            <dt>Contract</dt><dd>Net ${c.terms.netDays}: each invoice is due ${c.terms.netDays} days after it is issued</dd>
            <dt>Credit limit</dt><dd>${formatMoney(c.terms.creditLimit, c.terms.currency, loc)}</dd>
          </dl>`
        : html`<p>${c.status === 'verified' ? 'Verified, with no contract: invoices go out as payment requests the contact approves.' : 'No contract.'}</p>`}
      ${open
        ? html`<p>Open offer: Net ${open.netDays}, ${formatMoney(open.creditLimit, open.currency, loc)}, until ${formatDate(open.expiresAt, loc)}.</p>`
        : nothing}
      <div class="actions">
        ${c.status === 'verified' || c.status === 'authorized'
          ? guardedButton({ id: 'offer-terms', label: c.terms ? 'Change terms' : 'Offer terms', reason, busy: this.busy, onClick: () => this.#openOffer() })
          : html`<p class="muted">Terms can be offered once the contact has passed a credit check.</p>`}
        ${open ? guardedButton({ id: 'withdraw-offer', label: 'Withdraw the open offer', reason, busy: this.busy, onClick: () => this.#withdraw(open) }) : nothing}
        ${c.status === 'authorized' ? guardedButton({ id: 'end-contract', label: 'End contract', reason, danger: true, busy: this.busy, onClick: () => this.#endContract() }) : nothing}
      </div>
      ${this.offering ? this.#offerForm() : this.feedback()}
      ${d.offers.length
        ? tableWrap(
            'Terms offers',
            html`<table part="table"><caption>Offers</caption>
              <thead><tr><th scope="col">Made</th><th scope="col">Net days</th><th scope="col" class="num">Credit limit</th><th scope="col">Status</th></tr></thead>
              <tbody>${d.offers.map(
                (o) => html`<tr part="row"><td>${formatDate(o.createdAt, loc)}</td><td>Net ${o.acceptedNetDays ?? o.netDays}</td>
                  <td class="num">${formatMoney(o.creditLimit, o.currency, loc)}</td><td>${badge(o.status)}</td></tr>`,
              )}</tbody></table>`,
          )
        : nothing}
    </section>`;
  }

  async #openOffer(): Promise<void> {
    const s = this.ctx!.merchant.settings;
    const terms = this.data.value?.contact.terms;
    const currency = terms?.currency ?? s.defaultTerms.currency;
    this.offer = {
      netDays: String(terms?.netDays ?? s.defaultTerms.netDays),
      creditLimit: moneyInputText(terms?.creditLimit ?? s.defaultTerms.creditLimit, currency, this.loc),
      currency,
    };
    this.offering = true;
    this.clearFeedback();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#offer-net-days')?.focus();
  }

  #offerForm(): TemplateResult {
    const s = this.ctx!.merchant.settings;
    const days = [...new Set([...s.allowedNetDays, ...(this.isAdmin ? [s.defaultTerms.netDays] : [])])].sort((a, b) => a - b);
    return html`<form class="card" novalidate aria-labelledby="offer-h" @submit=${this.#submitOffer}>
      <h3 id="offer-h">Offer terms</h3>
      <p class="muted">The contact is emailed the offer and accepts or declines it in their wallet.${s.termsPolicy === 'flexible' ? ' Under your flexible policy they may pick other allowed net days.' : ''}</p>
      ${this.feedback()}
      <div class="grid-2">
        ${select({ id: 'offer-net-days', label: 'Net days', value: this.offer.netDays, error: this.errors['offer-net-days'], options: days.map((n) => ({ value: String(n), label: `Net ${n}` })), onInput: (v) => (this.offer = { ...this.offer, netDays: v }) })}
        ${input({ id: 'offer-limit', label: 'Credit limit', inputmode: 'decimal', value: this.offer.creditLimit, error: this.errors['offer-limit'], required: true, onInput: (v) => (this.offer = { ...this.offer, creditLimit: v }) })}
        ${select({ id: 'offer-currency', label: 'Currency', value: this.offer.currency, options: currencyOptions(this.offer.currency, this.loc), error: this.errors['offer-currency'], onInput: (v) => (this.offer = { ...this.offer, currency: v }) })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Send offer</button>
        <button type="button" @click=${() => ((this.offering = false), this.clearFeedback())}>Cancel</button>
      </div>
    </form>`;
  }

  async #submitOffer(event: Event): Promise<void> {
    event.preventDefault();
    const limit = readMoney(this.offer.creditLimit, this.offer.currency, this.loc, 'Credit limit');
    if (!(await this.showErrors('error' in limit ? { 'offer-limit': limit.error } : {}))) return;
    const fields: Record<string, string> = { netDays: 'offer-net-days', creditLimit: 'offer-limit', currency: 'offer-currency' };
    await this.act(
      async () => {
        const offer = await this.ctx!.api.post<TermsOffer>(`/v1/contacts/${encodeURIComponent(this.contactId)}/terms-offers`, {
          netDays: Number(this.offer.netDays),
          creditLimit: (limit as { amount: number }).amount,
          currency: this.offer.currency,
        });
        this.offering = false;
        this.#done(`Offer sent: Net ${offer.netDays}, ${formatMoney(offer.creditLimit, offer.currency, this.loc)}.`);
      },
      (param) => fields[param],
    );
  }

  async #withdraw(offer: TermsOffer): Promise<void> {
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/contacts/${encodeURIComponent(this.contactId)}/terms-offers/${encodeURIComponent(offer.id)}/withdraw`);
      this.#done('The offer was withdrawn.');
    });
  }

  async #endContract(): Promise<void> {
    if (!confirm('End this contract? The contact goes back to verified: its invoices are no longer charged automatically.')) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/contacts/${encodeURIComponent(this.contactId)}/end-contract`);
      this.#done('The contract has ended; the contact is verified again.');
    });
  }

  #done(text: string): void {
    this.notice = text;
    this.ctx!.announce(text);
    void this.data.run();
  }

  #wallet(c: Contact): TemplateResult {
    return html`<section class="card" aria-labelledby="wallet-h">
      <h2 id="wallet-h">Wallet link</h2>
      <p>The contact opens their wallet (invoices, payment requests, terms, disputes) from a link emailed to ${c.email}. Links last 30 days.</p>
      <div class="actions">
        <button type="button" id="send-link" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#sendLink()}>Email a wallet link</button>
        <button type="button" id="revoke-links" class="danger" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#revokeLinks()}>Revoke all links and sessions</button>
      </div>
    </section>`;
  }

  async #sendLink(): Promise<void> {
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/contacts/${encodeURIComponent(this.contactId)}/wallet-links`);
      this.notice = `A wallet link was emailed to ${this.data.value?.contact.email ?? 'the contact'}.`;
      this.ctx!.announce(this.notice);
    });
  }

  async #revokeLinks(): Promise<void> {
    if (!confirm('Revoke every wallet link and signed-in session of this contact?')) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/contacts/${encodeURIComponent(this.contactId)}/wallet-links`);
      this.notice = 'Every wallet link and session of this contact was revoked.';
      this.ctx!.announce(this.notice);
    });
  }

  #applications(apps: CreditApplication[]): TemplateResult {
    const loc = this.loc;
    return html`<section class="card" aria-labelledby="apps-h">
      <h2 id="apps-h">Credit decisions</h2>
      ${apps.length
        ? apps.map(
            (a) => html`<div>
              <dl class="facts">
                <dt>Decision</dt><dd>${badge(a.status)} ${a.decidedAt ? `on ${formatDateTime(a.decidedAt, loc)}` : ''}</dd>
                <dt>Score</dt><dd>${a.score ?? '—'}</dd>
                <dt>Reasons</dt><dd>${a.reasons.length ? html`<ul>${a.reasons.map((r) => html`<li>${r.description || statusText(r.code)}</li>`)}</ul>` : '—'}</dd>
                <dt>Policy</dt><dd>${a.policyVersion !== null ? `Version ${a.policyVersion}` : '—'}${a.modelVersion ? ` · model ${a.modelVersion}` : ''}</dd>
                <dt>Mode</dt><dd>${a.mode === 'credit_check_with_terms' ? 'Credit check with terms' : 'Credit check'}</dd>
              </dl>
            </div>`,
          )
        : emptyView('No credit application yet.')}
    </section>`;
  }

  #invoices(d: ContactData): TemplateResult {
    const loc = this.loc;
    return html`<section class="card" aria-labelledby="inv-h">
      <div class="page-head"><h2 id="inv-h">Invoices</h2><a href="#/invoices/new?contactId=${d.contact.id}">Key in an invoice for ${d.contact.companyName}</a></div>
      ${d.invoices.length
        ? tableWrap(
            'Invoices of this contact',
            html`<table part="table"><thead><tr><th scope="col">Number</th><th scope="col">Status</th><th scope="col">Due</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Balance</th></tr></thead>
              <tbody>${d.invoices.map(
                (i) => html`<tr part="row"><th scope="row"><a href="#/invoices/${i.id}">${i.number}</a></th><td>${badge(i.status)} ${i.overdue ? html`<span class="overdue">Overdue</span>` : nothing}</td>
                  <td>${formatDate(i.dueDate, loc)}</td><td class="num">${formatMoney(i.amount, i.currency, loc)}</td><td class="num">${formatMoney(i.balance, i.currency, loc)}</td></tr>`,
              )}</tbody></table>`,
          )
        : emptyView('No invoices.')}
      ${d.invoices.length ? html`<p><a href="#/invoices?contactId=${d.contact.id}">All invoices of this contact</a></p>` : nothing}
    </section>`;
  }

  #requests(requests: PaymentRequest[]): TemplateResult {
    const loc = this.loc;
    return html`<section class="card" aria-labelledby="pr-h">
      <h2 id="pr-h">Payment requests</h2>
      ${requests.length
        ? tableWrap(
            'Payment requests of this contact',
            html`<table part="table"><thead><tr><th scope="col">Made</th><th scope="col">Status</th><th scope="col" class="num">Amount</th><th scope="col" class="num">Remaining</th></tr></thead>
              <tbody>${requests.map(
                (r) => html`<tr part="row"><td>${formatDate(r.createdAt, loc)}</td><td>${badge(r.status)}</td>
                  <td class="num">${formatMoney(r.amount, r.currency, loc)}</td><td class="num">${formatMoney(r.remaining, r.currency, loc)}</td></tr>`,
              )}</tbody></table>`,
          )
        : emptyView('No payment requests.')}
    </section>`;
  }

  #payments(c: Contact): TemplateResult {
    return html`<section class="card" aria-labelledby="pay-h">
      <h2 id="pay-h">Payments</h2>
      <cc-console-payments .ctx=${this.ctx} contact-id=${c.id} label="Payments of this contact" @cc-console-refunded=${() => this.data.run()}></cc-console-payments>
    </section>`;
  }

  #disputes(disputes: Dispute[]): TemplateResult {
    const loc = this.loc;
    return html`<section class="card" aria-labelledby="dsp-h">
      <h2 id="dsp-h">Disputes</h2>
      ${disputes.length
        ? html`<ul>${disputes.map(
            (d) => html`<li><a href="#/disputes/${d.id}">${formatMoney(d.amount, d.currency, loc)} disputed on ${formatDate(d.createdAt, loc)}</a> · ${badge(d.status)}</li>`,
          )}</ul>`
        : emptyView('No disputes.')}
    </section>`;
  }
}
