import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { Overview } from './api.js';
import { formatDate, formatMoney, formatNumber } from './format.js';
import { Load } from './load.js';
import { ConsolePart, emptyView, loadView } from './part.js';

/**
 * The console's front page: open balance, overdue amount and payments this month per
 * currency, and the number of open disputes (`GET /v1/overview`).
 *
 * @tagname cc-console-overview
 */
export class CcConsoleOverview extends ConsolePart {
  readonly data = new Load<Overview>(this, (signal) => this.ctx!.api.get<Overview>('/v1/overview', undefined, signal));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.ctx && this.data.state === 'idle') void this.data.run();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    return html`<div class="page">
      <div class="page-head">
        <h1 tabindex="-1">${t.nav.overview}</h1>
        <a href="#/invoices/new">${t.common.keyIn}</a>
      </div>
      ${loadView(t, this.data, t.overview.what, (o) => this.#figures(o))}
    </div>`;
  }

  #figures(o: Overview): TemplateResult {
    const loc = this.loc;
    const t = this.t;
    return html`<section class="card" aria-labelledby="disputes-h">
        <h2 id="disputes-h">${t.overview.openDisputes}</h2>
        <p><span class="total">${formatNumber(o.openDisputes, loc)}</span>
          ${o.openDisputes ? html`· <a href="#/disputes">${t.overview.workQueue}</a>` : html`· ${t.overview.nothingToResolve}`}</p>
      </section>
      ${
        o.currencies.length
          ? o.currencies.map(
              (c) => html`<section class="card" aria-labelledby="cur-${c.currency}">
              <h2 id="cur-${c.currency}">${c.currency}</h2>
              <dl class="cards">
                <div class="figure"><dt>${t.overview.openBalance}</dt><dd>${formatMoney(c.openBalance, c.currency, loc)}</dd></div>
                <div class="figure"><dt>${t.overview.overdue}</dt><dd class=${c.overdueAmount ? 'overdue' : ''}>${formatMoney(c.overdueAmount, c.currency, loc)}</dd></div>
                <div class="figure"><dt>${t.overview.paymentsThisMonth}</dt><dd>${formatMoney(c.paymentsThisMonth, c.currency, loc)}</dd></div>
              </dl>
              ${c.overdueAmount ? html`<p><a href="#/invoices?overdue=true">${t.overview.seeOverdue}</a></p>` : ''}
            </section>`,
            )
          : emptyView(html`${t.overview.empty} <a href="#/invoices/new">${t.common.keyInFirst}</a>.`)
      }
      <p class="muted">${t.overview.asOf(formatDate(o.asOf, loc))}</p>`;
  }
}
