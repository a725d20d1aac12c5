import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ImportAnswer, ImportRow } from './api.js';
import { asApiError } from './api.js';
import { formatNumber } from './format.js';
import { ConsolePart, tableWrap, textarea } from './part.js';

/**
 * Bulk import of invoices from a CSV exported by invoicing software (`POST /v1/invoices/import`):
 * a dry-run preview with per-row errors first, then the import itself, all rows or none.
 *
 * @tagname cc-console-invoice-import
 */
export class CcConsoleInvoiceImport extends ConsolePart {
  @state() private csv = '';
  @state() private fileName = '';
  @state() private result?: ImportAnswer | undefined;

  /** "3 invoices", the number in the console's locale. */
  #invoices(count: number): string {
    return this.t.invoiceImport.count(count, formatNumber(count, this.loc));
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const m = t.invoiceImport;
    return html`<div class="page">
      <div class="page-head"><h1 tabindex="-1">${m.heading}</h1><a href="#/invoices">${t.common.allInvoices}</a></div>
      <p>${m.csvColumns} <code>number</code>, <code>contact_email</code> (${m.or} <code>contact_id</code>), <code>amount</code> ${m.decimal},
        <code>currency</code>, <code>issued_at</code>, <code>due_date</code>, <code>description</code>. ${m.csvLimits}</p>
      <form class="card" novalidate @submit=${(e: Event) => (e.preventDefault(), this.#send(true))}>
        ${this.feedback()}
        <div class="field">
          <label for="csv-file">${m.csvFile}</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" @change=${this.#pick} aria-describedby="csv-file-hint" />
          <p class="hint" id="csv-file-hint">${m.orPaste}</p>
        </div>
        ${textarea(t, { id: 'csv-text', label: m.csv, value: this.csv, error: this.errors['csv-text'], required: true, onInput: (v) => ((this.csv = v), (this.result = undefined)) })}
        <div class="actions">
          <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>${m.check}</button>
          ${
            this.result?.dryRun && this.result.valid
              ? html`<button type="button" class="primary" id="import-now" @click=${() => this.#send(false)}>${m.importCount(this.#invoices(this.result.summary.total))}</button>`
              : nothing
          }
        </div>
      </form>
      ${this.result ? this.#report(this.result) : nothing}
    </div>`;
  }

  async #pick(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    this.fileName = file.name;
    this.csv = await file.text();
    this.result = undefined;
  }

  async #send(dryRun: boolean): Promise<void> {
    if (!(await this.showErrors(this.csv.trim() ? {} : { 'csv-text': this.t.invoiceImport.empty }))) return;
    await this.act(
      async () => {
        try {
          this.result = await this.ctx!.api.post<ImportAnswer>('/v1/invoices/import', {
            format: 'csv',
            data: this.csv,
            dryRun,
          });
        } catch (error) {
          const e = asApiError(error);
          const body = e.body as { rows?: ImportRow[]; summary?: ImportAnswer['summary'] };
          if (e.code !== 'import_invalid' || !body.rows || !body.summary) throw error;
          this.result = { dryRun, valid: false, imported: 0, rows: body.rows, summary: body.summary };
        }
        const r = this.result;
        const m = this.t.invoiceImport;
        const text = r.valid
          ? r.dryRun
            ? m.allGood(r.summary.total)
            : m.imported(this.#invoices(r.imported), this.fileName)
          : m.problems(r.summary.errors, r.summary.total);
        this.announcement = text;
        if (!r.dryRun && r.valid) {
          this.ctx!.announce(text);
          this.csv = '';
        }
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#import-report')?.focus();
      },
      (param) => (param === 'data' ? 'csv-text' : undefined),
    );
  }

  #report(r: ImportAnswer): TemplateResult {
    const bad = r.rows.filter((row) => row.status === 'error');
    const t = this.t;
    const m = t.invoiceImport;
    return html`<section class="card" aria-labelledby="import-report">
      <h2 id="import-report" tabindex="-1">
        ${r.valid ? (r.dryRun ? m.readyHeading(this.#invoices(r.summary.total)) : m.importedHeading(this.#invoices(r.imported))) : m.problemsHeading(r.summary.errors, r.summary.total)}
      </h2>
      ${
        r.valid
          ? r.dryRun
            ? html`<p>${m.everyRowGood}</p>`
            : html`<p class="success">${m.done} <a href="#/invoices">${m.seeInvoices}</a>.</p>`
          : html`<p class="alert">${m.nothingImported}</p>
            ${tableWrap(
              m.badRows,
              html`<table part="table"><thead><tr><th scope="col">${m.row}</th><th scope="col">${t.common.number}</th><th scope="col">${m.field}</th><th scope="col">${m.problem}</th></tr></thead>
                <tbody>${bad.map((row) => html`<tr part="row"><th scope="row">${row.row}</th><td>${row.number ?? '—'}</td><td>${row.error?.param ?? '—'}</td><td class="wrap">${row.error?.message ?? ''}</td></tr>`)}</tbody></table>`,
            )}`
      }
    </section>`;
  }
}
