import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerEntity } from './ledger.entity.js';

/**
 * One row of a ledger (交办件 / 反馈问题 / 任务), as imported. Its progress is not stored: it is
 * read from its cases (an item is signed off when every case under it is closed).
 */
@Entity('ledger_item')
@Index('UQ_ledger_item_seq', ['ledgerId', 'seq'], { unique: true })
@Check('CHK_ledger_item_seq', `"seq" > 0`)
export class LedgerItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => LedgerEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  ledgerId!: string;

  /** 序号: unique within the ledger. */
  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  /** The counties named by the row: one case each. */
  @Column({ type: 'text', array: true })
  countyCodes!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  townCodes!: string[];

  /** 牵头单位 as named by the row (one per county, or one above them all). */
  @Column({ type: 'uuid', array: true })
  leadUnitIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  coUnitIds!: string[];

  /** 整改时限. */
  @Column({ type: 'date' })
  dueDate!: string;

  /** 序时节点: the dates progress is due by. */
  @Column({ type: 'date', array: true, default: () => "'{}'" })
  milestones!: string[];

  /** 整改目标. */
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
