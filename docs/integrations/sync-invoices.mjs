#!/usr/bin/env node
// Recipe: keep CustomerConnect's invoices in step with an accounting export (CSV).
//
//   CC_API_KEY=sk_… CC_API_URL=https://api.example.com node sync-invoices.mjs export.csv
//
// Each row is upserted by its invoice number: a missing customer becomes a contact (found again by email),
// a missing invoice is created, a changed one is updated while nothing is paid. Running it again changes
// nothing: rows are matched by number, and every create carries an Idempotency-Key made from the row, so
// even a run cut off halfway and started again creates each invoice once.
//
// CSV columns (header row required): number, customer_email, customer_name, amount (e.g. 1250.00, in the
// currency's major unit), currency, issued (YYYY-MM-DD), due (YYYY-MM-DD), description, accounting_id.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { CustomerConnect, CustomerConnectError } from '@customerconnect/node';

/** Parses the export: a plain CSV with quoted fields ("a, b" and "" inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f.trim()));
  const names = header.map((h) => h.trim());
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])));
}

/** "1,250.00" → 125000 minor units (two decimals, as USD/EUR/GBP). Anything else is refused, never rounded. */
export function toMinorUnits(text) {
  const clean = text.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) throw new Error(`amount "${text}" is not a number with up to 2 decimals`);
  const [whole, frac = ''] = clean.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/**
 * Upserts every row; answers { created, updated, unchanged, failed: [{ number, error }] }.
 * `useMetadata`: also store the accounting system's id in `metadata.accountingId` and find invoices by it
 * (`metadata[accountingId]=…`) before falling back to the number.
 */
export async function syncInvoices(cc, rows, { useMetadata = false } = {}) {
  const result = { created: 0, updated: 0, unchanged: 0, failed: [] };
  const contacts = new Map();
  for (const row of rows) {
    try {
      const contact = contacts.get(row.customer_email) ?? (await findOrCreateContact(cc, row));
      contacts.set(row.customer_email, contact);
      const wanted = {
        amount: toMinorUnits(row.amount),
        currency: (row.currency || 'USD').toUpperCase(),
        ...(row.issued ? { issuedAt: row.issued } : {}),
        ...(row.due ? { dueDate: row.due } : {}),
        ...(row.description ? { description: row.description } : {}),
      };
      const existing = await findInvoice(cc, contact.id, row, useMetadata);
      if (!existing) {
        const metadata = useMetadata && row.accounting_id ? { metadata: { accountingId: row.accounting_id } } : {};
        const body = { contactId: contact.id, number: row.number, ...wanted, ...metadata };
        const idempotencyKey = `sync-invoice-${createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32)}`;
        await cc.post('/v1/invoices', { body, idempotencyKey });
        result.created++;
      } else if (differs(existing, wanted)) {
        const { currency: _currency, issuedAt: _issuedAt, ...patch } = wanted; // fixed once issued
        await cc.patch('/v1/invoices/{id}', { path: { id: existing.id }, body: patch });
        result.updated++;
      } else result.unchanged++;
    } catch (err) {
      const error =
        err instanceof CustomerConnectError
          ? `${err.code}${err.param ? ` (${err.param})` : ''}: ${err.message}`
          : String(err.message ?? err);
      result.failed.push({ number: row.number, error });
    }
  }
  return result;
}

async function findOrCreateContact(cc, row) {
  for await (const c of cc.list('/v1/contacts', { query: { q: row.customer_email, limit: 100 } }))
    if (c.email.toLowerCase() === row.customer_email.toLowerCase()) return c;
  const body = { companyName: row.customer_name || row.customer_email, email: row.customer_email };
  return cc.post('/v1/contacts', { body, idempotencyKey: `sync-contact-${row.customer_email.toLowerCase()}` });
}

async function findInvoice(cc, contactId, row, useMetadata) {
  if (useMetadata && row.accounting_id) {
    const query = { limit: 1, metadata: { accountingId: row.accounting_id } };
    for await (const inv of cc.list('/v1/invoices', { query })) return inv;
  }
  for await (const inv of cc.list('/v1/invoices', { query: { contactId, limit: 100 } }))
    if (inv.number === row.number) return inv;
  return undefined;
}

const differs = (inv, wanted) =>
  inv.amount !== wanted.amount ||
  (wanted.dueDate !== undefined && inv.dueDate !== wanted.dueDate) ||
  (wanted.description !== undefined && inv.description !== wanted.description);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (!file || !process.env.CC_API_KEY) {
    console.error('usage: CC_API_KEY=sk_… [CC_API_URL=…] [CC_SYNC_USE_METADATA=1] node sync-invoices.mjs export.csv');
    process.exit(2);
  }
  const cc = new CustomerConnect({ apiKey: process.env.CC_API_KEY, baseUrl: process.env.CC_API_URL });
  const rows = parseCsv(await readFile(file, 'utf8'));
  const result = await syncInvoices(cc, rows, { useMetadata: process.env.CC_SYNC_USE_METADATA === '1' });
  console.log(JSON.stringify(result));
  process.exit(result.failed.length ? 1 : 0);
}
