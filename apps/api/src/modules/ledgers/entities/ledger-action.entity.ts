import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UnitEntity } from '../../units/entities/unit.entity.js';
import { LedgerEntity } from './ledger.entity.js';

/**
 * 专项行动: the upper level of an 811-style task table (DESIGN §15), led by one unit (the lead office
 * the 主要任务 rows under it report to each quarter). Its 主要任务 are ledger_item rows of kind `task`
 * whose parent_id names it. It has no cases of its own.
 */
@Entity('ledger_action')
@Index('UQ_ledger_action_title', ['ledgerId', 'title'], { unique: true })
@Index('UQ_ledger_action_seq', ['ledgerId', 'seq'], { unique: true })
@Check('CHK_ledger_action_seq', `"seq" > 0`)
export class LedgerActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => LedgerEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  ledgerId!: string;

  /** Its order in the table (一、二、三 …). */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** 牵头单位 of the action: the office quarterly reports go to. */
  @ForeignKey(() => UnitEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  leadUnitId!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
