import { MetadataField, MetadataFilter, type Metadata } from '../../../platform/validation/metadata.js';
import { Trim } from '../../../platform/validation/dto-transforms.js';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ListQuery } from '../../../platform/pagination/pagination.js';
import type { Contact, ContactStatus } from '../contact.entity.js';

export const CONTACT_STATUSES: ContactStatus[] = ['prospect', 'verified', 'authorized', 'credit_declined'];

export class CreateContactDto {
  @ApiProperty({ example: 'Acme Fabrication LLC' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'companyName must not be empty' })
  @MaxLength(200)
  companyName!: string;

  @ApiProperty({ example: 'ap@acme.example' })
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiPropertyOptional({ example: 'Jordan Lee' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  name?: string;

  @MetadataField() metadata?: Metadata;
}

export class ListContactsQuery extends ListQuery {
  @ApiPropertyOptional({ enum: CONTACT_STATUSES })
  @IsOptional()
  @IsIn(CONTACT_STATUSES, { message: `status must be one of ${CONTACT_STATUSES.join(', ')}` })
  status?: ContactStatus;

  @ApiPropertyOptional({ description: 'Search company name and email (case-insensitive, substring).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @MetadataFilter() metadata?: Metadata;
}

export class ContactTermsDto {
  @ApiProperty({ example: 'con_01jf…' }) contractId!: string;
  @ApiProperty({ example: 30 }) netDays!: number;
  @ApiProperty({ description: 'Minor units.', example: 1000000 }) creditLimit!: number;
  @ApiProperty({ example: 'USD' }) currency!: string;
}

export class ContactDto {
  @ApiProperty({ example: 'ct_01jf…' }) id!: string;
  @ApiProperty({ example: 'Acme Fabrication LLC' }) companyName!: string;
  @ApiProperty({ example: 'ap@acme.example' }) email!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Jordan Lee' }) name!: string | null;
  @ApiProperty({ enum: CONTACT_STATUSES, example: 'authorized' }) status!: ContactStatus;
  @ApiProperty({
    type: ContactTermsDto,
    nullable: true,
    description: 'The signed terms in force (authorized contacts).',
  })
  terms!: ContactTermsDto | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { order_ref: 'A-17' } })
  metadata!: Metadata;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) updatedAt!: string;
}

export function toContactDto(c: Contact): ContactDto {
  return {
    id: c.id,
    companyName: c.companyName,
    email: c.email,
    name: c.name,
    status: c.status,
    terms: c.contractId
      ? { contractId: c.contractId, netDays: c.netDays!, creditLimit: c.creditLimit!, currency: c.currency! }
      : null,
    metadata: c.metadata ?? {},
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** The contact as the customer sees themself (the wallet): no `metadata`, which is the merchant's own. */
export class CustomerContactDto extends OmitType(ContactDto, ['metadata'] as const) {}

/** The one mapping from a contact to what the customer sees. */
export function toCustomerContactDto({ metadata: _merchantOnly, ...contact }: ContactDto): CustomerContactDto {
  return contact;
}
