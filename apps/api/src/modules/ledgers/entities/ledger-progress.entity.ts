import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '../../units/entities/unit.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import { LedgerItemEntity } from './ledger-item.entity.js';
import { LedgerEntity } from './ledger.entity.js';

/** 序时进展: a periodic progress report on a ledger item by its lead unit or a co-unit. */
@Entity('ledger_progress')
@Index('IDX_ledger_progress_item', ['ledgerItemId', 'createdAt'])
@Check('CHK_ledger_progress_role', `"unit_role" IN ('lead','co')`)
@Check('CHK_ledger_progress_percent', `"percent" IS NULL OR "percent" BETWEEN 0 AND 100`)
@Check('CHK_ledger_progress_quarterly', `NOT "quarterly" OR "period" ~ '^[0-9]{4}-Q[1-4]$'`)
@Index('UQ_ledger_progress_quarterly', ['ledgerItemId', 'unitId', 'period'], { unique: true, where: '"quarterly"' })
export class LedgerProgressEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_ledger_progress_ledger')
  @ForeignKey(() => LedgerEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  ledgerId!: string;

  @ForeignKey(() => LedgerItemEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  ledgerItemId!: string;

  /** e.g. 2026-Q4, 2026-11, 2026-H2, 2026. */
  @Column({ type: 'varchar', length: 16 })
  period!: string;

  @Column({ type: 'text' })
  note!: string;

  @ForeignKey(() => UnitEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  unitId!: string;

  /** Whether the unit leads one of the item's cases or assists. */
  @Column({ type: 'varchar', length: 8 })
  unitRole!: 'lead' | 'co';

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'varchar', length: 64 })
  authorName!: string;

  /** The progress the row has reached (percent), compared with its 序时节点. */
  @Column({ type: 'smallint', nullable: true })
  percent!: number | null;

  /** 季度报告 of an 811 主要任务 (period YYYY-Qn): one per unit and quarter, to the action's lead office. */
  @Column({ type: 'boolean', default: false })
  quarterly!: boolean;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
