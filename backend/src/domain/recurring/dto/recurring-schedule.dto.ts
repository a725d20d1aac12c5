import { MetadataField, MetadataFilter, type Metadata } from '../../../platform/validation/metadata.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { IsCurrency, IsMinorAmount } from '../../../platform/money/money-validators.js';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import { INTERVAL_UNITS, type IntervalUnit } from '../periods.js';
import type { RecurringOccurrence } from '../recurring-occurrence.entity.js';
import type { RecurringKind, RecurringSchedule } from '../recurring-schedule.entity.js';
import type { RecurringScheduleStatus } from '../recurring-schedule.state-machine.js';

const KINDS: RecurringKind[] = ['invoice', 'payment_request'];
const STATUSES: RecurringScheduleStatus[] = ['active', 'paused', 'cancelled', 'completed'];
const IsDate = () => IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' });

export class CreateRecurringScheduleDto {
  @ApiProperty() @IsString() contactId!: string;
  @ApiProperty({
    enum: KINDS,
    description:
      'invoice: an invoice per period (authorized contacts are charged automatically when due; others get a payment request with it). payment_request: a payment request per period.',
  })
  @IsIn(KINDS)
  kind!: RecurringKind;
  @ApiProperty({ description: 'Minor units, per period.' }) @IsMinorAmount() amount!: number;
  @ApiPropertyOptional({ description: "Default: the contact's contract currency, else USD." })
  @IsOptional()
  @IsCurrency()
  currency?: string;
  @ApiProperty({ enum: INTERVAL_UNITS }) @IsIn(INTERVAL_UNITS) interval!: IntervalUnit;
  @ApiPropertyOptional({ minimum: 1, maximum: 12, default: 1, description: 'Every N intervals.' })
  @IsOptional()
  @IsInt({ message: 'intervalCount must be a whole number' })
  @Min(1)
  @Max(12)
  intervalCount?: number;
  @ApiProperty({ example: '2026-12-01', description: 'The first period; today or later.' })
  @IsDate()
  startDate!: string;
  @ApiPropertyOptional({
    description:
      'The last day a period may fall on (inclusive). Give endDate or occurrences, or neither (until cancelled).',
  })
  @IsOptional()
  @IsDate()
  endDate?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'How many periods in all.' })
  @IsOptional()
  @IsInt({ message: 'occurrences must be a whole number' })
  @Min(1)
  @Max(1000)
  occurrences?: number;
  @ApiPropertyOptional({ description: "Each invoice's description / each request's memo." })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string;
  @ApiPropertyOptional({
    example: 'RENT-2027-',
    description:
      "kind invoice: each invoice's number is this prefix and the period's number (RENT-2027-1, RENT-2027-2, …). Default: R-<the schedule id's last 6 characters>-.",
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/#-]*$/, {
    message: 'invoiceNumberPrefix may hold letters, digits and . _ / # - (starting with a letter or digit)',
  })
  invoiceNumberPrefix?: string;

  @MetadataField() metadata?: Metadata;
}

export class ListRecurringSchedulesQuery extends ListQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: RecurringScheduleStatus;
  @ApiPropertyOptional() @IsOptional() @IsString() contactId?: string;
  @MetadataFilter() metadata?: Metadata;
}

export class RecurringPeriodDto {
  @ApiProperty({ description: '0 for the start date.' }) index!: number;
  @ApiProperty() date!: string;
  @ApiProperty({ enum: ['generated', 'failed'] }) status!: 'generated' | 'failed';
  @ApiProperty({ nullable: true, type: String }) invoiceId!: string | null;
  @ApiProperty({ nullable: true, type: String }) paymentRequestId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the period could not be generated (e.g. credit_limit_exceeded).',
  })
  errorCode!: string | null;
  @ApiProperty() createdAt!: string;
}

export class RecurringScheduleDto {
  @ApiProperty({ example: 'rs_01jf…' }) id!: string;
  @ApiProperty() contactId!: string;
  @ApiProperty({ enum: KINDS }) kind!: RecurringKind;
  @ApiProperty() amount!: number;
  @ApiProperty() currency!: string;
  @ApiProperty({ enum: INTERVAL_UNITS }) interval!: IntervalUnit;
  @ApiProperty() intervalCount!: number;
  @ApiProperty() startDate!: string;
  @ApiProperty({ nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) occurrences!: number | null;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'kind invoice: the prefix of its invoice numbers (null: the default, R-<id tail>-).',
  })
  invoiceNumberPrefix!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: RecurringScheduleStatus;
  @ApiProperty({ description: 'The contact approved the whole series: new payment requests arrive approved.' })
  seriesApproved!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The date of the next period to generate (null unless active).',
  })
  nextRunDate!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { order_ref: 'A-17' } })
  metadata!: Metadata;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class RecurringScheduleDetailDto extends RecurringScheduleDto {
  @ApiProperty({
    type: [RecurringPeriodDto],
    description: 'The periods generated so far, newest first (the latest 100).',
  })
  periods!: RecurringPeriodDto[];
}

export function toRecurringScheduleDto(s: RecurringSchedule): RecurringScheduleDto {
  return {
    id: s.id,
    contactId: s.contactId,
    kind: s.kind,
    amount: s.amount,
    currency: s.currency,
    interval: s.intervalUnit,
    intervalCount: s.intervalCount,
    startDate: s.startDate,
    endDate: s.endDate,
    occurrences: s.occurrences,
    description: s.description,
    invoiceNumberPrefix: s.invoiceNumberPrefix,
    status: s.status,
    seriesApproved: s.seriesApproved,
    nextRunDate: s.status === 'active' ? s.nextRunDate : null,
    metadata: s.metadata ?? {},
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export const toRecurringPeriodDto = (o: RecurringOccurrence): RecurringPeriodDto => ({
  index: o.periodIndex,
  date: o.periodDate,
  status: o.status,
  invoiceId: o.invoiceId,
  paymentRequestId: o.paymentRequestId,
  errorCode: o.errorCode,
  createdAt: o.createdAt.toISOString(),
});
