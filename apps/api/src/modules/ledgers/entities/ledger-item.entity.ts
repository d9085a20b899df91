import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LedgerActionEntity } from './ledger-action.entity.js';
import { LedgerEntity } from './ledger.entity.js';

/**
 * One row of a ledger (交办件 / 反馈问题 / 任务), as imported. Its progress is not stored: it is
 * read from its cases (an item is signed off when every case under it is closed).
 */
@Entity('ledger_item')
@Index('UQ_ledger_item_seq', ['ledgerId', 'seq'], { unique: true })
@Check('CHK_ledger_item_seq', `"seq" > 0`)
@Check('CHK_ledger_item_kind', `"kind" IN ('feedback_problem','petition','task')`)
@Check('CHK_ledger_item_scope', `"problem_scope" IS NULL OR "problem_scope" IN ('specific','common')`)
@Check('CHK_ledger_item_rectify_type', `"rectify_type" IN ('immediate','deadline','long_term')`)
@Check('CHK_ledger_item_signoff', `"signoff_stage" IS NULL OR "signoff_stage" IN ('accepted','notice','signed_off')`)
@Check('CHK_ledger_item_lag', `"lag_level" IS NULL OR "lag_level" IN ('yellow','red')`)
@Check('CHK_ledger_item_milestone_percents', `cardinality("milestone_percents") = cardinality("milestones")`)
@Check('CHK_ledger_item_parent', `"parent_id" IS NULL OR "kind" = 'task'`)
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

  /** `feedback_problem` (督察反馈问题), `petition` (交办信访件, 边督边改) or `task` (811 主要任务). */
  @Column({ type: 'varchar', length: 16, default: 'feedback_problem' })
  kind!: 'feedback_problem' | 'petition' | 'task';

  /** 具体问题 (`specific`) or 共性问题 (`common`); feedback problems only. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  problemScope!: 'specific' | 'common' | null;

  /** 整改措施. */
  @Column({ type: 'text', nullable: true })
  measures!: string | null;

  /** 责任领导. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  responsibleLeader!: string | null;

  /** 责任人. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  responsiblePerson!: string | null;

  /** 整改类型: 立行立改 `immediate`, 限期整改 `deadline`, 长期坚持 `long_term` (no date of its own). */
  @Column({ type: 'varchar', length: 16, default: 'deadline' })
  rectifyType!: 'immediate' | 'deadline' | 'long_term';

  /** The planned progress (percent) due by each 序时节点, in the order of `milestones`. */
  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  milestonePercents!: number[];

  /** 整改方案: the attachment holding the rectification plan. */
  @Column({ type: 'uuid', nullable: true })
  planAttachmentId!: string | null;

  /** false: one city-led case (共性问题 led by a city department) instead of one per county. */
  @Column({ type: 'boolean', default: true })
  splitByCounty!: boolean;

  /** 811-style task tables: the 专项行动 (ledger_action) a 主要任务 row belongs to. */
  @ForeignKey(() => LedgerActionEntity, { onDelete: 'RESTRICT' })
  @Index('IDX_ledger_item_parent')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  /** 序时滞后: yellow, then red after the grace; null while on schedule (written by the 序时 sweep). */
  @Column({ type: 'varchar', length: 8, nullable: true })
  lagLevel!: 'yellow' | 'red' | null;

  /** The missed 序时节点. */
  @Column({ type: 'date', nullable: true })
  lagMilestone!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lagSince!: Date | null;

  /** Sign-off of inspection rows: 验收 done (`accepted`), 公示 running (`notice`), 复核 passed (`signed_off`, 销号). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  signoffStage!: 'accepted' | 'notice' | 'signed_off' | null;

  /** The last day of the 公示. */
  @Column({ type: 'date', nullable: true })
  noticeEndsOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedOffAt!: Date | null;

  /** 验收材料. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  acceptanceAttachmentIds!: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
