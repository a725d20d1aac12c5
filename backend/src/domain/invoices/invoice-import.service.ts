import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import type { Actor } from '../../platform/http/auth/auth-context.js';
import { parseDecimalAmount } from '../../platform/money/decimal-money.js';
import { Db } from '../../platform/database/db.js';
import { ApiError, invalidParam } from '../../platform/errors/errors.js';
import { INVOICE_ERRORS } from '../../errors/invoices.js';
import { isCurrency } from '../../platform/money/money.js';
import { validationError } from '../../platform/validation/validation.js';
import { ContactsService } from '../contacts/contacts.service.js';
import { CreateInvoiceDto } from './dto/invoice.dto.js';
import { IMPORT_MAX_ROWS, type ImportInvoicesDto, type ImportRowResult } from './dto/import.dto.js';
import { InvoicesService } from './invoices.service.js';

type Raw = Record<string, unknown>;

/** Header names invoicing software uses → our field names. */
const ALIASES: Record<string, string> = {
  number: 'number',
  invoice_number: 'number',
  invoice: 'number',
  invoice_no: 'number',
  contact_id: 'contactId',
  contactid: 'contactId',
  contact_email: 'contactEmail',
  contactemail: 'contactEmail',
  email: 'contactEmail',
  customer_email: 'contactEmail',
  amount: 'amount',
  total: 'amount',
  currency: 'currency',
  issued_at: 'issuedAt',
  issuedat: 'issuedAt',
  issue_date: 'issuedAt',
  date: 'issuedAt',
  due_date: 'dueDate',
  duedate: 'dueDate',
  description: 'description',
  memo: 'description',
};

class RollBack extends Error {
  constructor(readonly rows: ImportRowResult[]) {
    super('roll back');
  }
}

/**
 * Bulk import: every row is created in ONE transaction (the request's; each row under a savepoint, so every bad row
 * is reported), then committed only if all rows are good and it is not a dry run: all rows or none.
 */
@Injectable()
export class InvoiceImportService {
  constructor(
    private readonly db: Db,
    private readonly invoices: InvoicesService,
    private readonly contacts: ContactsService,
  ) {}

  async import(merchantId: string, dto: ImportInvoicesDto, actor: Actor) {
    const raws = dto.format === 'csv' ? this.fromCsv(dto.data) : this.fromJson(dto.data);
    if (raws.length === 0) throw invalidParam('data', 'There are no rows to import.');
    if (raws.length > IMPORT_MAX_ROWS)
      throw invalidParam('data', `At most ${IMPORT_MAX_ROWS} rows can be imported at once (got ${raws.length}).`);
    let rows: ImportRowResult[];
    try {
      // A savepoint inside the request's transaction (which also holds its Idempotency-Key), so a
      // dry run or a bad row rolls back the rows alone.
      rows = await this.db.transaction(() =>
        this.db.savepoint('import_all', async () => {
          const results: ImportRowResult[] = [];
          for (const [i, raw] of raws.entries()) {
            try {
              const invoice = await this.db.savepoint('import_row', async () =>
                this.invoices.create(merchantId, await this.toDto(merchantId, raw, dto.format), actor),
              );
              results.push({ row: i + 1, number: invoice.number, status: 'ok', invoiceId: invoice.id });
            } catch (err) {
              if (!(err instanceof ApiError)) throw err;
              results.push({
                row: i + 1,
                number: typeof raw.number === 'string' ? raw.number : undefined,
                status: 'error',
                error: { code: err.code, message: err.message, param: err.param },
              });
            }
          }
          if (dto.dryRun || results.some((r) => r.status === 'error')) throw new RollBack(results);
          return results;
        }),
      );
    } catch (err) {
      if (!(err instanceof RollBack)) throw err;
      rows = err.rows.map(({ invoiceId: _unsaved, ...r }) => r);
    }
    const errors = rows.filter((r) => r.status === 'error').length;
    const summary = { total: rows.length, ok: rows.length - errors, errors };
    if (errors && !dto.dryRun) {
      throw new ApiError(
        INVOICE_ERRORS.import_invalid,
        `${errors} of ${rows.length} rows are invalid; nothing was imported.`,
        'data',
        { rows, summary },
      );
    }
    return { dryRun: dto.dryRun ?? false, valid: errors === 0, imported: dto.dryRun ? 0 : rows.length, summary, rows };
  }

  private fromCsv(data: unknown): Raw[] {
    if (typeof data !== 'string') throw invalidParam('data', 'For csv, data is the file as text.');
    try {
      const records: Record<string, string>[] = parse(data, {
        columns: (header: string[]) => header.map(normalise),
        skip_empty_lines: true,
        trim: true,
        bom: true,
      });
      return records;
    } catch (err) {
      throw invalidParam('data', `The CSV cannot be read: ${(err as Error).message}`);
    }
  }

  private fromJson(data: unknown): Raw[] {
    if (!Array.isArray(data) || data.some((r) => typeof r !== 'object' || r === null || Array.isArray(r)))
      throw invalidParam('data', 'For json, data is an array of invoice objects.');
    return data as Raw[];
  }

  /** A row → the same DTO and validation as POST /v1/invoices; CSV amounts are decimals, JSON amounts minor units. */
  private async toDto(merchantId: string, raw: Raw, format: 'csv' | 'json'): Promise<CreateInvoiceDto> {
    const { contactEmail, ...fields } = raw;
    const body: Raw = {};
    for (const [k, v] of Object.entries(fields)) if (v !== '' && v !== undefined && v !== null) body[k] = v;
    if (format === 'csv') {
      const currency = typeof body.currency === 'string' && body.currency ? body.currency.toUpperCase() : 'USD';
      if (!isCurrency(currency))
        throw invalidParam('currency', `'${String(body.currency)}' is not an ISO 4217 currency.`);
      body.currency = currency;
      if (typeof body.amount === 'string') {
        const minor = parseDecimalAmount(body.amount, currency);
        if (minor === null) throw invalidParam('amount', `'${body.amount}' is not an amount in ${currency}.`);
        body.amount = minor;
      }
    }
    if (!body.contactId && typeof contactEmail === 'string' && contactEmail) {
      const contact = await this.contacts.findByEmail(merchantId, contactEmail);
      if (!contact)
        throw invalidParam(
          'contactEmail',
          `No contact with the email ${contactEmail}.`,
          INVOICE_ERRORS.contact_not_found,
        );
      body.contactId = contact.id;
    }
    const dto = plainToInstance(CreateInvoiceDto, body);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
    if (errors.length) throw validationError(errors);
    return dto;
  }
}

function normalise(header: string): string {
  const key = header
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ALIASES[key] ?? key;
}
