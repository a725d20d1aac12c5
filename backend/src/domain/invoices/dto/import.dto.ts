import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional } from 'class-validator';
import { PLATFORM_ERRORS } from '../../../platform/errors/codes.js';

export const IMPORT_MAX_ROWS = 5000;

export class ImportInvoicesDto {
  @ApiProperty({ enum: ['csv', 'json'] })
  @IsIn(['csv', 'json'], { message: "format must be 'csv' or 'json'" })
  format!: 'csv' | 'json';

  @ApiProperty({
    description:
      'csv: the file as text, with a header row (number, contact_email or contact_id, amount as a decimal such as 1234.56, currency, issued_at, due_date, description). json: an array of invoice objects as POST /v1/invoices takes them (amount in minor units, contactId or contactEmail).',
  })
  @IsDefined({ message: 'data is required' })
  data!: unknown;

  @ApiPropertyOptional({ description: 'Check every row and answer the preview without writing anything.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

export interface ImportRowResult {
  row: number;
  number?: string;
  status: 'ok' | 'error';
  invoiceId?: string;
  error?: { code: string; message: string; param?: string };
}

export class ImportRowErrorDto {
  @ApiProperty({ example: PLATFORM_ERRORS.resource_missing.code }) code!: string;
  @ApiProperty({ example: 'No contact with email ap@unknown.example.' }) message!: string;
  @ApiPropertyOptional({ example: 'contactEmail' }) param?: string;
}

export class ImportRowResultDto {
  @ApiProperty({ description: 'The row, counted from 1 (after the CSV header).', example: 1 }) row!: number;
  @ApiPropertyOptional({ example: 'INV-1001' }) number?: string;
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' }) status!: 'ok' | 'error';
  @ApiPropertyOptional({ description: 'The invoice created (not on a dry run).', example: 'inv_01jf…' })
  invoiceId?: string;
  @ApiPropertyOptional({ type: ImportRowErrorDto }) error?: ImportRowErrorDto;
}

export class ImportSummaryDto {
  @ApiProperty({ example: 2 }) total!: number;
  @ApiProperty({ example: 2 }) ok!: number;
  @ApiProperty({ example: 0 }) errors!: number;
}

/** `POST /v1/invoices/import`: per-row results (a 422 `import_invalid` carries the same rows and summary). */
export class ImportResultDto {
  @ApiProperty({ example: false }) dryRun!: boolean;
  @ApiProperty({ description: 'Every row passed.', example: true }) valid!: boolean;
  @ApiProperty({ description: 'Invoices written (0 on a dry run).', example: 2 }) imported!: number;
  @ApiProperty({ type: ImportSummaryDto }) summary!: ImportSummaryDto;
  @ApiProperty({ type: [ImportRowResultDto] }) rows!: ImportRowResultDto[];
}
