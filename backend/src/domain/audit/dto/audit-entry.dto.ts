import { ApiProperty } from '@nestjs/swagger';

export class AuditActorDto {
  @ApiProperty({
    description: 'user, api_key, customer, platform, system or anonymous.',
    example: 'api_key',
  })
  type!: string;
  @ApiProperty({ nullable: true, type: String, example: 'key_01jf…' }) id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The key or session used.', example: 'key_01jf…' })
  credentialId!: string | null;
}

/** One row of `GET /v1/audit-log`: who changed what, with which credential, before → after. */
export class AuditEntryDto {
  @ApiProperty({ example: 'aud_01jf…' }) id!: string;
  @ApiProperty({ example: 'invoice.voided' }) action!: string;
  @ApiProperty({ description: 'The changed object.', example: 'inv_01jf…' }) subjectId!: string;
  @ApiProperty({ type: AuditActorDto }) actor!: AuditActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { status: 'open' } })
  before!: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { status: 'void' } })
  after!: Record<string, unknown> | null;
  @ApiProperty({ example: '2026-03-14T09:30:00.000Z' }) createdAt!: string;
}
