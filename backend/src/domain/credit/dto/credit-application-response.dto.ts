import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TermsOfferDto } from '../../terms/dto/terms.dto.js';
import type { CreditApplication } from '../credit-application.entity.js';
import type { ScoreReason } from '../credit-bureau.js';

export class ScoreReasonDto {
  @ApiProperty() code!: string;
  @ApiProperty() description!: string;
}

export class CreditApplicationDto {
  @ApiProperty({ example: 'app_01jf…' }) id!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'declined'] }) status!: string;
  @ApiProperty({ enum: ['credit_check', 'credit_check_with_terms'] }) mode!: string;
  @ApiProperty({ nullable: true, type: Number }) score!: number | null;
  @ApiProperty({ type: [ScoreReasonDto] }) reasons!: ScoreReason[];
  @ApiProperty() contactId!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The underwriting policy version the decision was made under.',
  })
  policyVersion!: number | null;
  @ApiProperty({ nullable: true, type: String }) modelVersion!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty() createdAt!: string;
}

/** What a merchant sees: also the business and applicant as submitted. */
export class MerchantCreditApplicationDto extends CreditApplicationDto {
  @ApiProperty() business!: Record<string, unknown>;
  @ApiProperty() applicant!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: Number }) requestedCreditLimit!: number | null;
  @ApiProperty({ nullable: true, type: Number }) passingScore!: number | null;
  @ApiProperty({ nullable: true, type: String }) termsOfferId!: string | null;
  @ApiProperty() consent!: Record<string, unknown>;
}

export class CustomerSessionDto {
  @ApiPropertyOptional({
    description: 'cs_… Shown once: left out when the request is replayed with its Idempotency-Key.',
  })
  token?: string;
  @ApiProperty() expiresAt!: string;
}

export class CreditApplicationResultDto {
  @ApiProperty({ type: CreditApplicationDto }) application!: CreditApplicationDto;
  @ApiProperty({
    description:
      'The contact; its status is left out when the email was already a contact of the merchant (widget calls).',
  })
  contact!: { id: string; status?: string };
  @ApiPropertyOptional({ description: 'True when the decision was emailed to an existing contact instead of shown.' })
  noticeSent?: boolean;
  @ApiPropertyOptional({ type: TermsOfferDto }) termsOffer?: TermsOfferDto;
  @ApiPropertyOptional({ type: CustomerSessionDto, description: 'Only when this application created the contact.' })
  customerSession?: CustomerSessionDto;
}

export function toApplicationDto(a: CreditApplication): CreditApplicationDto {
  return {
    id: a.id,
    status: a.status,
    mode: a.mode,
    score: a.score,
    reasons: a.reasons,
    contactId: a.contactId,
    policyVersion: a.policyVersion,
    modelVersion: a.modelVersion,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toMerchantApplicationDto(a: CreditApplication): MerchantCreditApplicationDto {
  return {
    ...toApplicationDto(a),
    business: a.business,
    applicant: a.applicant,
    requestedCreditLimit: a.requestedCreditLimit,
    passingScore: a.passingScore,
    termsOfferId: a.termsOfferId,
    consent: a.consent,
  };
}
