import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserRole } from '../../platform/http/auth/auth-context.js';

export type { UserRole };

@Entity('users')
export class User {
  @PrimaryColumn() merchantId!: string;
  @PrimaryColumn() id!: string;
  /** Stored lower-cased; unique across merchants (a login names one user). */
  @Column() email!: string;
  @Column() name!: string;
  @Column({ type: 'text' }) role!: UserRole;
  @Column() passwordHash!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
