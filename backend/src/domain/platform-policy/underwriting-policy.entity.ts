import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The platform's underwriting policy; every change is a new version, and each decision records the one it used. */
@Entity('underwriting_policies')
export class UnderwritingPolicy {
  @PrimaryColumn({ type: 'int' }) version!: number;
  @Column({ type: 'int' }) passingScore!: number;
  @Column() modelVersion!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
}
