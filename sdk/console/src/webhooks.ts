import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Page, WebhookDelivery, WebhookEndpoint } from './api.js';
import { formatDateTime } from './format.js';
import { Load } from './load.js';
import { ConsolePart, badge, emptyView, guardedButton, input, loadView, tableWrap } from './part.js';

/**
 * Webhook endpoints (admins add and delete them; the signing secret is shown once) and each
 * endpoint's delivery log, with manual redelivery.
 *
 * @tagname cc-console-webhooks
 */
export class CcConsoleWebhooks extends ConsolePart {
  @state() private url = '';
  @state() private events = '*';
  @state() private secret = '';
  @state() private open = '';
  @state() private deliveries: Record<string, WebhookDelivery[] | 'loading' | 'error'> = {};
  /** Per endpoint: the outcome of its last "Send test event", announced by its live region. */
  @state() private tests: Record<string, string> = {};

  readonly list = new Load<WebhookEndpoint[]>(this, (signal) =>
    this.ctx!.api.get<Page<WebhookEndpoint>>('/v1/webhook-endpoints', { limit: 100 }, signal).then((p) => p.data),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.list.state === 'idle') void this.list.run();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const m = t.webhooks;
    const reason = this.isAdmin ? undefined : m.adminOnly;
    const signature = html`<code>CC-Signature</code>`;
    return html`<div class="page">
      <h1 tabindex="-1">${t.nav.webhooks}</h1>
      <p>${m.intro(signature)}</p>
      ${loadView(t, this.list, m.what, (list) => this.#table(list, reason))}
      ${this.isAdmin ? this.#form() : html`<p class="alert" role="note">${reason}</p>`}
      <dialog id="wh-secret" aria-labelledby="wh-secret-h" @close=${() => (this.secret = '')}>
        <h2 id="wh-secret-h">${m.secretTitle}</h2>
        <p>${m.secretIntro(signature)}</p>
        <pre><code>${this.secret}</code></pre>
        <div class="actions"><button type="button" class="primary" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#wh-secret')?.close()}>${t.common.savedIt}</button></div>
      </dialog>
    </div>`;
  }

  #table(list: WebhookEndpoint[], reason: string | undefined): TemplateResult {
    const t = this.t;
    const m = t.webhooks;
    if (!list.length) return emptyView(m.none);
    return html`${list.map(
      (e) => html`<section class="card" aria-labelledby="we-${e.id}">
        <h2 id="we-${e.id}"><code>${e.url}</code></h2>
        <p>${badge(t, e.status)} · ${e.events.includes('*') ? m.everyEvent : e.events.join(', ')}</p>
        <div class="actions">
          <button type="button" aria-expanded=${this.open === e.id ? 'true' : 'false'} @click=${() => this.#toggle(e)}>${m.log}</button>
          <button type="button" id="test-${e.id}" aria-label=${m.testLabel(e.url)} aria-describedby="test-out-${e.id}" @click=${() => this.#test(e)}>${m.test}</button>
          ${guardedButton({ id: `del-${e.id}`, label: m.delete, danger: true, reason, onClick: () => this.#delete(e) })}
        </div>
        <p id="test-out-${e.id}" class="state" role="status" aria-live="polite">${this.tests[e.id] ?? ''}</p>
        ${this.open === e.id ? this.#log(e) : nothing}
      </section>`,
    )}`;
  }

  async #toggle(e: WebhookEndpoint): Promise<void> {
    if (this.open === e.id) {
      this.open = '';
      return;
    }
    this.open = e.id;
    await this.#loadLog(e);
  }

  async #loadLog(e: WebhookEndpoint): Promise<void> {
    this.deliveries = { ...this.deliveries, [e.id]: 'loading' };
    try {
      const page = await this.ctx!.api.get<Page<WebhookDelivery>>(
        `/v1/webhook-endpoints/${encodeURIComponent(e.id)}/deliveries`,
        { limit: 50 },
      );
      this.deliveries = { ...this.deliveries, [e.id]: page.data };
    } catch {
      this.deliveries = { ...this.deliveries, [e.id]: 'error' };
    }
  }

  #log(e: WebhookEndpoint): TemplateResult {
    const log = this.deliveries[e.id];
    const t = this.t;
    const { common, webhooks: m } = t;
    if (log === 'loading' || !log) return html`<p class="state" role="status">${m.loadingLog}</p>`;
    if (log === 'error')
      return html`<p class="alert" role="alert">${m.logFailed} <button type="button" @click=${() => this.#loadLog(e)}>${common.tryAgain}</button></p>`;
    if (!log.length) return emptyView(m.nothing);
    return tableWrap(
      m.table,
      html`<table part="table">
        <thead><tr><th scope="col">${m.event}</th><th scope="col">${common.status}</th><th scope="col">${m.attempts}</th><th scope="col">${m.lastAnswer}</th><th scope="col">${m.when}</th><th scope="col"><span class="sr-only">${common.actions}</span></th></tr></thead>
        <tbody>${log.map(
          (
            d,
          ) => html`<tr part="row"><th scope="row">${d.eventType}</th><td>${badge(t, d.status)}</td><td>${d.attempts}</td>
            <td class="wrap">${d.lastStatusCode ?? d.lastError ?? '—'}</td><td>${formatDateTime(d.deliveredAt ?? d.createdAt, this.loc)}</td>
            <td><button type="button" aria-label=${m.resendLabel(d.eventType)} @click=${() => this.#retry(e, d)}>${m.resend}</button></td></tr>`,
        )}</tbody>
      </table>`,
    );
  }

  /** POST …/test delivers a signed ping at once and answers the logged delivery: show its outcome. */
  async #test(e: WebhookEndpoint): Promise<void> {
    const m = this.t.webhooks;
    if (this.tests[e.id] === m.testSending) return;
    this.tests = { ...this.tests, [e.id]: m.testSending };
    let outcome: string;
    try {
      const d = await this.ctx!.api.post<WebhookDelivery>(`/v1/webhook-endpoints/${encodeURIComponent(e.id)}/test`);
      const ms = d.history?.at(-1)?.durationMs ?? 0;
      outcome =
        d.status === 'succeeded'
          ? m.testDelivered(d.lastStatusCode ?? 200, ms)
          : m.testFailed(d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? '—'), ms);
    } catch {
      outcome = m.testError;
    }
    this.tests = { ...this.tests, [e.id]: outcome };
    if (this.open === e.id) await this.#loadLog(e);
  }

  async #retry(e: WebhookEndpoint, d: WebhookDelivery): Promise<void> {
    await this.act(async () => {
      await this.ctx!.api.post(
        `/v1/webhook-endpoints/${encodeURIComponent(e.id)}/deliveries/${encodeURIComponent(d.id)}/retry`,
      );
      this.ctx!.announce(this.t.webhooks.resent);
      await this.#loadLog(e);
    });
  }

  async #delete(e: WebhookEndpoint): Promise<void> {
    const m = this.t.webhooks;
    if (!confirm(m.deleteConfirm(e.url))) return;
    await this.act(async () => {
      await this.ctx!.api.delete(`/v1/webhook-endpoints/${encodeURIComponent(e.id)}`);
      this.ctx!.announce(m.deleted);
      await this.list.run();
    });
  }

  #form(): TemplateResult {
    const t = this.t;
    const m = t.webhooks;
    return html`<form class="card" novalidate aria-labelledby="wh-new-h" @submit=${this.#create}>
      <h2 id="wh-new-h">${m.add}</h2>
      ${this.feedback()}
      ${input(t, { id: 'wh-url', label: m.url, type: 'url', placeholder: 'https://erp.example.com/hooks/customerconnect', value: this.url, error: this.errors['wh-url'], required: true, onInput: (v) => (this.url = v) })}
      ${input(t, { id: 'wh-events', label: m.events, hint: m.eventsHint, value: this.events, error: this.errors['wh-events'], required: true, onInput: (v) => (this.events = v) })}
      <div class="actions"><button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.addButton}</button></div>
    </form>`;
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const events = this.events.split(/[\s,]+/).filter(Boolean);
    const errors: Record<string, string> = {};
    const m = this.t.webhooks;
    if (!/^https?:\/\/\S+$/.test(this.url.trim())) errors['wh-url'] = m.urlInvalid;
    if (!events.length) errors['wh-events'] = m.eventsEmpty;
    if (!(await this.showErrors(errors))) return;
    await this.act(
      async () => {
        const endpoint = await this.ctx!.api.post<WebhookEndpoint>('/v1/webhook-endpoints', {
          url: this.url.trim(),
          events,
        });
        this.url = '';
        await this.list.run();
        if (endpoint.secret) {
          this.secret = endpoint.secret;
          await this.updateComplete;
          this.renderRoot.querySelector<HTMLDialogElement>('#wh-secret')?.showModal();
        }
      },
      (param) => (param === 'url' ? 'wh-url' : param.startsWith('events') ? 'wh-events' : undefined),
    );
  }
}
