import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber, type JsonObject } from '../../platform/database/columns.js';
import type { CreditAppMode } from '../merchants/merchant-settings.js';
import type { ScoreReason } from './credit-bureau.js';

export type ApplicationStatus = 'pending' | 'approved' | 'declined';

@Entity('credit_applications')
export class CreditApplication {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  @Column() contactId!: string;
  @Column({ type: 'text' }) mode!: CreditAppMode;
  @Column({ type: 'text' }) status!: ApplicationStatus;
  @Column({ type: 'jsonb' }) business!: JsonObject;
  @Column({ type: 'jsonb' }) applicant!: JsonObject;
  @Column({ type: 'bigint', nullable: true, transformer: bigintAsNumber }) requestedCreditLimit!: number | null;
  /** `{ agreed, name, ip, at }` */
  @Column({ type: 'jsonb' }) consent!: JsonObject;
  /** True when this application created the contact (only then may its answer open a customer session). */
  @Column() createdContact!: boolean;
  /**
   * An anonymous application for an email the merchant already had: its decision moves nothing
   * (no contact status, no offer) until the email's owner opens the emailed wallet link.
   */
  @Column({ default: false }) awaitingOwner!: boolean;
  @Column({ type: 'int', nullable: true }) score!: number | null;
  @Column({ type: 'jsonb' }) reasons!: ScoreReason[];
  @Column({ type: 'int', nullable: true }) policyVersion!: number | null;
  @Column({ type: 'int', nullable: true }) passingScore!: number | null;
  @Column({ type: 'text', nullable: true }) modelVersion!: string | null;
  @Column({ type: 'int' }) bureauAttempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'text', nullable: true }) termsOfferId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
