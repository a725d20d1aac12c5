import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional } from 'class-validator';

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
