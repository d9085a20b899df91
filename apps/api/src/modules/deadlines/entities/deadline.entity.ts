import { ForeignKey, Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity.js';
import type { AdminLevel, DeadlineKind, DeadlineStatus } from '@ecoloop/workflow';

/** A timer of a case. The database is the source of truth; Redis jobs only wake things up. */
@Entity('deadline')
@Check('CHK_deadline_kind', `"kind" IN ('dispatch','sign_for','rectify','verify','review','supervision','petition_accept','petition_reply','petition_review','petition_recheck')`)
@Check('CHK_deadline_status', `"status" IN ('pending','met','late','overdue','cancelled')`)
@Index('UQ_deadline_pending_kind', { synchronize: false })
@Index('IDX_deadline_pending_due', { synchronize: false })
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_deadline_case')
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeadlineKind;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** The due time first set; differs from dueAt after an approved extension. */
  @Column({ type: 'timestamptz' })
  originalDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindAt!: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: DeadlineStatus;

  /** For supervision orders: the level that issued it. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  level!: AdminLevel | null;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
