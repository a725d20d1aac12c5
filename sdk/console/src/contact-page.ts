import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Contact, CreditApplication, Dispute, Invoice, Page, PaymentRequest, TermsOffer } from './api.js';
import { formatDate, formatDateTime, formatMoney, moneyInputText, readMoney, statusText } from './format.js';
import { Load } from './load.js';
import {
  ConsolePart,
  badge,
  currencyOptions,
  emptyView,
  guardedButton,
  input,
  loadView,
  select,
  tableWrap,
} from './part.js';

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
    if (
      this.ctx &&
      (this.data.state === 'idle' || (changed.has('contactId') && changed.get('contactId') !== undefined))
    )
      void this.data.run();
  }

  /** Why this user may not change terms, or undefined when they may. */
  get termsBlockedReason(): string | undefined {
    if (!this.ctx || this.isAdmin) return undefined;
    if (this.ctx.merchant.settings.termsPolicy === 'locked') {
      return this.t.contact.termsBlocked;
    }
    return undefined;
  }

  protected override render(): TemplateResult {
    const c = this.data.value?.contact;
    const t = this.t;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${c ? c.companyName : t.contact.heading}</h1>
        <a href="#/contacts">${t.contact.all}</a>
      </div>
      ${this.notice ? html`<p class="success">${this.notice}</p>` : nothing}
      ${loadView(t, this.data, t.contact.what, (d) => this.#body(d))}
    </div>`;
  }

  #body(d: ContactData): TemplateResult {
    const { contact: c } = d;
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="about-h">
        <h2 id="about-h">${t.contact.about}</h2>
        <dl class="facts">
          <dt>${t.common.status}</dt><dd>${badge(t, c.status)}</dd>
          <dt>${t.common.email}</dt><dd>${c.email}</dd>
          <dt>${t.contacts.person}</dt><dd>${c.name ?? '—'}</dd>
          <dt>${t.common.added}</dt><dd>${formatDate(c.createdAt, loc)}</dd>
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
    const t = this.t;
    return html`<section class="card" aria-labelledby="terms-h">
      <h2 id="terms-h">${t.contact.terms}</h2>
      ${
        c.terms
          ? html`<dl class="facts">
            <dt>${t.contact.contract}</dt><dd>${t.contact.contractText(c.terms.netDays)}</dd>
            <dt>${t.common.creditLimit}</dt><dd>${formatMoney(c.terms.creditLimit, c.terms.currency, loc)}</dd>
          </dl>`
          : html`<p>${c.status === 'verified' ? t.contact.verifiedNoContract : t.contact.noContract}</p>`
      }
      ${
        open
          ? html`<p>${t.contact.openOffer(open.netDays, formatMoney(open.creditLimit, open.currency, loc), formatDate(open.expiresAt, loc))}</p>`
          : nothing
      }
      <div class="actions">
        ${
          c.status === 'verified' || c.status === 'authorized'
            ? guardedButton({
                id: 'offer-terms',
                label: c.terms ? t.contact.changeTerms : t.contact.offerTerms,
                reason,
                busy: this.busy,
                onClick: () => this.#openOffer(),
              })
            : html`<p class="muted">${t.contact.afterCheck}</p>`
        }
        ${open ? guardedButton({ id: 'withdraw-offer', label: t.contact.withdraw, reason, busy: this.busy, onClick: () => this.#withdraw(open) }) : nothing}
        ${c.status === 'authorized' ? guardedButton({ id: 'end-contract', label: t.contact.endContract, reason, danger: true, busy: this.busy, onClick: () => this.#endContract() }) : nothing}
      </div>
      ${this.offering ? this.#offerForm() : this.feedback()}
      ${
        d.offers.length
          ? tableWrap(
              t.contact.offersTable,
              html`<table part="table"><caption>${t.contact.offers}</caption>
              <thead><tr><th scope="col">${t.common.made}</th><th scope="col">${t.common.netDays}</th><th scope="col" class="num">${t.common.creditLimit}</th><th scope="col">${t.common.status}</th></tr></thead>
              <tbody>${d.offers.map(
                (
                  o,
                ) => html`<tr part="row"><td>${formatDate(o.createdAt, loc)}</td><td>${t.common.net(o.acceptedNetDays ?? o.netDays)}</td>
                  <td class="num">${formatMoney(o.creditLimit, o.currency, loc)}</td><td>${badge(t, o.status)}</td></tr>`,
              )}</tbody></table>`,
            )
          : nothing
      }
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
    const days = [...new Set([...s.allowedNetDays, ...(this.isAdmin ? [s.defaultTerms.netDays] : [])])].sort(
      (a, b) => a - b,
    );
    const t = this.t;
    return html`<form class="card" novalidate aria-labelledby="offer-h" @submit=${this.#submitOffer}>
      <h3 id="offer-h">${t.contact.offerTerms}</h3>
      <p class="muted">${t.contact.offerIntro}${s.termsPolicy === 'flexible' ? ` ${t.contact.offerFlexible}` : ''}</p>
      ${this.feedback()}
      <div class="grid-2">
        ${select(t, { id: 'offer-net-days', label: t.common.netDays, value: this.offer.netDays, error: this.errors['offer-net-days'], options: days.map((n) => ({ value: String(n), label: t.common.net(n) })), onInput: (v) => (this.offer = { ...this.offer, netDays: v }) })}
        ${input(t, { id: 'offer-limit', label: t.common.creditLimit, inputmode: 'decimal', value: this.offer.creditLimit, error: this.errors['offer-limit'], required: true, onInput: (v) => (this.offer = { ...this.offer, creditLimit: v }) })}
        ${select(t, { id: 'offer-currency', label: t.common.currency, value: this.offer.currency, options: currencyOptions(this.offer.currency, this.loc), error: this.errors['offer-currency'], onInput: (v) => (this.offer = { ...this.offer, currency: v }) })}
      </div>
      <div class="actions">
        <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${t.contact.sendOffer}</button>
        <button type="button" @click=${() => ((this.offering = false), this.clearFeedback())}>${t.common.cancel}</button>
      </div>
    </form>`;
  }

  async #submitOffer(event: Event): Promise<void> {
    event.preventDefault();
    const limit = readMoney(this.offer.creditLimit, this.offer.currency, this.loc, this.t.money.labels.creditLimit);
    if (!(await this.showErrors('error' in limit ? { 'offer-limit': limit.error } : {}))) return;
    const fields: Record<string, string> = {
      netDays: 'offer-net-days',
      creditLimit: 'offer-limit',
      currency: 'offer-currency',
    };
    await this.act(
      async () => {
        const offer = await this.ctx!.api.post<TermsOffer>(
          `/v1/contacts/${encodeURIComponent(this.contactId)}/terms-offers`,
          {
            netDays: Number(this.offer.netDays),
            creditLimit: (limit as { amount: number }).amount,
            currency: this.offer.currency,
          },
        );
        this.offering = false;
        this.#done(this.t.contact.offerSent(offer.netDays, formatMoney(offer.creditLimit, offer.currency, this.loc)));
      },
      (param) => fields[param],
    );
  }

  async #withdraw(offer: TermsOffer): Promise<void> {
    await this.act(async () => {
      await this.ctx!.api.post(
        `/v1/contacts/${encodeURIComponent(this.contactId)}/terms-offers/${encodeURIComponent(offer.id)}/withdraw`,
      );
      this.#done(this.t.contact.withdrawn);
    });
  }

  async #endContract(): Promise<void> {
    if (!confirm(this.t.contact.endConfirm)) return;
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/contacts/${encodeURIComponent(this.contactId)}/end-contract`);
      this.#done(this.t.contact.ended);
    });
  }

  #done(text: string): void {
    this.notice = text;
    this.ctx!.announce(text);
    void this.data.run();
  }

  #wallet(c: Contact): TemplateResult {
    const t = this.t;
    return html`<section class="card" aria-labelledby="wallet-h">
      <h2 id="wallet-h">${t.contact.wallet}</h2>
      <p>${t.contact.walletIntro(c.email)}</p>
      <div class="actions">
        <button type="button" id="send-link" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#sendLink()}>${t.contact.sendLink}</button>
        <button type="button" id="revoke-links" class="danger" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.#revokeLinks()}>${t.contact.revoke}</button>
      </div>
    </section>`;
  }

  async #sendLink(): Promise<void> {
    await this.act(async () => {
      await this.ctx!.api.post(`/v1/contacts/${encodeURIComponent(this.contactId)}/wallet-links`);
      this.notice = this.t.contact.linkSent(this.data.value?.contact.email ?? this.t.contact.theContact);
      this.ctx!.announce(this.notice);
    });
  }

  async #revokeLinks(): Promise<void> {
    if (!confirm(this.t.contact.revokeConfirm)) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/contacts/${encodeURIComponent(this.contactId)}/wallet-links`);
      this.notice = this.t.contact.revoked;
      this.ctx!.announce(this.notice);
    });
  }

  #applications(apps: CreditApplication[]): TemplateResult {
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="apps-h">
      <h2 id="apps-h">${t.contact.decisions}</h2>
      ${
        apps.length
          ? apps.map(
              (a) => html`<div>
              <dl class="facts">
                <dt>${t.contact.decision}</dt><dd>${badge(t, a.status)} ${a.decidedAt ? t.contact.decidedOn(formatDateTime(a.decidedAt, loc)) : ''}</dd>
                <dt>${t.contact.score}</dt><dd>${a.score ?? '—'}</dd>
                <dt>${t.contact.reasons}</dt><dd>${a.reasons.length ? html`<ul>${a.reasons.map((r) => html`<li>${r.description || statusText(t, r.code)}</li>`)}</ul>` : '—'}</dd>
                <dt>${t.contact.policy}</dt><dd>${a.policyVersion !== null ? t.contact.version(a.policyVersion) : '—'}${a.modelVersion ? ` · ${t.contact.model(a.modelVersion)}` : ''}</dd>
                <dt>${t.contact.mode}</dt><dd>${a.mode === 'credit_check_with_terms' ? t.contact.modeTerms : t.contact.modeCheck}</dd>
              </dl>
            </div>`,
            )
          : emptyView(t.contact.noApplication)
      }
    </section>`;
  }

  #invoices(d: ContactData): TemplateResult {
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="inv-h">
      <div class="page-head"><h2 id="inv-h">${t.nav.invoices}</h2><a href="#/invoices/new?contactId=${d.contact.id}">${t.contact.keyInFor(d.contact.companyName)}</a></div>
      ${
        d.invoices.length
          ? tableWrap(
              t.contact.invoicesTable,
              html`<table part="table"><thead><tr><th scope="col">${t.common.number}</th><th scope="col">${t.common.status}</th><th scope="col">${t.common.due}</th><th scope="col" class="num">${t.common.amount}</th><th scope="col" class="num">${t.common.balance}</th></tr></thead>
              <tbody>${d.invoices.map(
                (
                  i,
                ) => html`<tr part="row"><th scope="row"><a href="#/invoices/${i.id}">${i.number}</a></th><td>${badge(t, i.status)} ${i.overdue ? html`<span class="overdue">${t.common.overdue}</span>` : nothing}</td>
                  <td>${formatDate(i.dueDate, loc)}</td><td class="num">${formatMoney(i.amount, i.currency, loc)}</td><td class="num">${formatMoney(i.balance, i.currency, loc)}</td></tr>`,
              )}</tbody></table>`,
            )
          : emptyView(t.contact.noInvoices)
      }
      ${d.invoices.length ? html`<p><a href="#/invoices?contactId=${d.contact.id}">${t.contact.allInvoices}</a></p>` : nothing}
    </section>`;
  }

  #requests(requests: PaymentRequest[]): TemplateResult {
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="pr-h">
      <h2 id="pr-h">${t.nav.paymentRequests}</h2>
      ${
        requests.length
          ? tableWrap(
              t.contact.requestsTable,
              html`<table part="table"><thead><tr><th scope="col">${t.common.made}</th><th scope="col">${t.common.status}</th><th scope="col" class="num">${t.common.amount}</th><th scope="col" class="num">${t.common.remaining}</th></tr></thead>
              <tbody>${requests.map(
                (r) => html`<tr part="row"><td>${formatDate(r.createdAt, loc)}</td><td>${badge(t, r.status)}</td>
                  <td class="num">${formatMoney(r.amount, r.currency, loc)}</td><td class="num">${formatMoney(r.remaining, r.currency, loc)}</td></tr>`,
              )}</tbody></table>`,
            )
          : emptyView(t.contact.noRequests)
      }
    </section>`;
  }

  #payments(c: Contact): TemplateResult {
    const t = this.t;
    return html`<section class="card" aria-labelledby="pay-h">
      <h2 id="pay-h">${t.common.payments}</h2>
      <cc-console-payments .ctx=${this.ctx} contact-id=${c.id} label=${t.contact.paymentsTable} @cc-console-refunded=${() => this.data.run()}></cc-console-payments>
    </section>`;
  }

  #disputes(disputes: Dispute[]): TemplateResult {
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="dsp-h">
      <h2 id="dsp-h">${t.nav.disputes}</h2>
      ${
        disputes.length
          ? html`<ul>${disputes.map(
              (d) =>
                html`<li><a href="#/disputes/${d.id}">${t.common.disputedOn(formatMoney(d.amount, d.currency, loc), formatDate(d.createdAt, loc))}</a> · ${badge(t, d.status)}</li>`,
            )}</ul>`
          : emptyView(t.common.noDisputes)
      }
    </section>`;
  }
}
