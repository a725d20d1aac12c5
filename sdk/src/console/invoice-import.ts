import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ImportAnswer, ImportRow } from './api.js';
import { asApiError } from './api.js';
import { formatNumber } from './format.js';
import { ConsolePart, tableWrap, textarea } from './part.js';

const invoices = (n: number, locale: string) => `${formatNumber(n, locale)} ${n === 1 ? 'invoice' : 'invoices'}`;

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

  protected override render(): TemplateResult {
    return html`<div class="page">
      <div class="page-head"><h1 tabindex="-1">Import invoices</h1><a href="#/invoices">All invoices</a></div>
      <p>A CSV file with a header row: <code>number</code>, <code>contact_email</code> (or <code>contact_id</code>), <code>amount</code> as a decimal such as 1234.56,
        <code>currency</code>, <code>issued_at</code>, <code>due_date</code>, <code>description</code>. Up to 5,000 rows. Check it first: nothing is imported unless every row is good.</p>
      <form class="card" novalidate @submit=${(e: Event) => (e.preventDefault(), this.#send(true))}>
        ${this.feedback()}
        <div class="field">
          <label for="csv-file">CSV file</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" @change=${this.#pick} aria-describedby="csv-file-hint" />
          <p class="hint" id="csv-file-hint">Or paste the CSV below.</p>
        </div>
        ${textarea({ id: 'csv-text', label: 'CSV', value: this.csv, error: this.errors['csv-text'], required: true, onInput: (v) => ((this.csv = v), (this.result = undefined)) })}
        <div class="actions">
          <button class="primary" part="button button-primary" aria-disabled=${this.busy ? 'true' : 'false'}>Check the file</button>
          ${this.result?.dryRun && this.result.valid
            ? html`<button type="button" class="primary" id="import-now" @click=${() => this.#send(false)}>Import ${invoices(this.result.summary.total, this.loc)}</button>`
            : nothing}
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
    if (!(await this.showErrors(this.csv.trim() ? {} : { 'csv-text': 'Choose a CSV file or paste its text.' }))) return;
    await this.act(
      async () => {
        try {
          this.result = await this.ctx!.api.post<ImportAnswer>('/v1/invoices/import', { format: 'csv', data: this.csv, dryRun });
        } catch (error) {
          const e = asApiError(error);
          const body = e.body as { rows?: ImportRow[]; summary?: ImportAnswer['summary'] };
          if (e.code !== 'import_invalid' || !body.rows || !body.summary) throw error;
          this.result = { dryRun, valid: false, imported: 0, rows: body.rows, summary: body.summary };
        }
        const r = this.result;
        const text = r.valid
          ? r.dryRun
            ? `All ${r.summary.total} rows are good. Nothing is imported yet.`
            : `Imported ${invoices(r.imported, this.loc)}${this.fileName ? ` from ${this.fileName}` : ''}.`
          : `${r.summary.errors} of ${r.summary.total} rows have problems; nothing was imported.`;
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
    return html`<section class="card" aria-labelledby="import-report">
      <h2 id="import-report" tabindex="-1">
        ${r.valid ? (r.dryRun ? `Ready to import ${invoices(r.summary.total, this.loc)}` : `Imported ${invoices(r.imported, this.loc)}`) : `${r.summary.errors} of ${r.summary.total} rows have problems`}
      </h2>
      ${r.valid
        ? r.dryRun
          ? html`<p>Every row is good. Nothing is saved until you import.</p>`
          : html`<p class="success">Done. <a href="#/invoices">See the invoices</a>.</p>`
        : html`<p class="alert">Nothing was imported. Fix these rows in the file and check it again.</p>
            ${tableWrap(
              'Rows with problems',
              html`<table part="table"><thead><tr><th scope="col">Row</th><th scope="col">Number</th><th scope="col">Field</th><th scope="col">Problem</th></tr></thead>
                <tbody>${bad.map((row) => html`<tr part="row"><th scope="row">${row.row}</th><td>${row.number ?? '—'}</td><td>${row.error?.param ?? '—'}</td><td>${row.error?.message ?? ''}</td></tr>`)}</tbody></table>`,
            )}`}
    </section>`;
  }
}
