import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CaseSource } from '@ecoloop/workflow';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';

export const LEDGER_KINDS = ['inspection_feedback', 'petition_batch', 'task_plan'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * 台账: a batch handed down together (an inspection round, a petition batch, a city task plan),
 * handed to a region (`regionPath` is what the Ledger permission rules look at). Its rows are
 * ledger_item; each row fans out to one case per county.
 * The region_path prefix index uses text_pattern_ops (hand-written in the migration).
 */
@Entity('ledger')
@Check('CHK_ledger_kind', `"kind" IN ('inspection_feedback','petition_batch','task_plan')`)
@Check('CHK_ledger_dates', `"due_date" >= "issued_date"`)
@Index('IDX_ledger_region_path', { synchronize: false })
export class LedgerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: LedgerKind;

  /** The source every case of the ledger gets (central_inspection, petition_online …). */
  @Column({ type: 'varchar', length: 32 })
  source!: CaseSource;

  /** Who handed it down, e.g. 中央第三生态环境保护督察组. */
  @Column({ type: 'varchar', length: 128 })
  issuer!: string;

  @Column({ type: 'date' })
  issuedDate!: string;

  /** When the whole ledger must be reported back (交账). */
  @Column({ type: 'date' })
  dueDate!: string;

  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  regionPath!: string;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
