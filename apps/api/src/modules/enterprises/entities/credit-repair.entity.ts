import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CreditRepairState } from '@ecoloop/workflow';
import { UserEntity } from '../../users/entities/user.entity.js';
import { EnterpriseEntity } from './enterprise.entity.js';

export interface CreditRepairStep {
  action: 'apply' | 'review_pass' | 'approve' | 'refuse';
  actorId: string;
  actorName: string;
  comment: string | null;
  at: string;
}

/** 信用修复 application (DESIGN §13): one open application per enterprise at a time. */
@Entity('credit_repair')
@Index('UQ_credit_repair_open', ['creditCode'], { unique: true, where: `"state" IN ('under_review','publicized')` })
@Index('IDX_credit_repair_state', ['state', 'createdAt'])
@Check('CHK_credit_repair_state', `"state" IN ('under_review','publicized','approved','refused')`)
export class CreditRepairEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: CreditRepairState;

  /** 信用修复承诺书. */
  @Column({ type: 'text' })
  commitment!: string;

  /** Rectification evidence. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds!: string[];

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  applicantId!: string;

  @Column({ type: 'timestamptz', nullable: true })
  publicityStartsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publicityEndsAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Every step with who, when and why. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  steps!: CreditRepairStep[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
