import { ForeignKey, Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { LedgerItemEntity } from '../../ledgers/entities/ledger-item.entity.js';
import { LedgerEntity } from '../../ledgers/entities/ledger.entity.js';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { UnitEntity } from '../../units/entities/unit.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import type { AdminLevel, CaseLevel, CaseSource, CaseState, DeadlineKind, Severity } from '@ecoloop/workflow';

/**
 * A problem found, tracked until signed off. `version` is the optimistic lock; every change goes
 * through CaseWriter with the version (and the chain head, last_seq) in its WHERE clause.
 * Indexes for scoped lists at scale (region_path prefix + state + created_at) are created with
 * text_pattern_ops in the migration and marked synchronize:false here.
 */
@Entity('case')
@Check('CHK_case_state', `"state" IN ('reported','pending_dispatch','assigned','rectifying','pending_verification','closed','rejected','merged')`)
@Check('CHK_case_severity', `"severity" IN ('general','major')`)
@Check('CHK_case_signoff_index', `"signoff_index" >= 0`)
@Index('IDX_case_scope_state_created', { synchronize: false })
@Index('IDX_case_created', { synchronize: false })
@Index('IDX_case_search_trgm', { synchronize: false })
@Index('IDX_case_co_units', { synchronize: false })
@Index('IDX_case_lead_unit_state_due', { synchronize: false })
@Index('IDX_case_located_created', { synchronize: false })
@Index('IDX_case_town_chain', { synchronize: false })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_case_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ type: 'varchar', length: 32 })
  source!: CaseSource;

  @Column({ type: 'varchar', length: 16 })
  severity!: Severity;

  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  regionPath!: string;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 18, nullable: true })
  enterpriseCreditCode!: string | null;

  @Index('IDX_case_reporter')
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  reporterId!: string | null;

  /** PII of public reporters: visible to dispatchers only (DESIGN §5). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  reporterName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reporterPhone!: string | null;

  @Column({ type: 'varchar', length: 32 })
  state!: CaseState;

  /** The level that owns dispatching; escalate moves it one level up. */
  @Column({ type: 'varchar', length: 16, default: 'county' })
  ownerLevel!: CaseLevel;

  @Index('IDX_case_lead_unit')
  @ForeignKey(() => UnitEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  leadUnitId!: string | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  coUnitIds!: string[];

  /** Denormalised from the earliest pending deadline, for lists and sorting. */
  @Column({ type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  deadlineKind!: DeadlineKind | null;

  @Column({ type: 'boolean', default: false })
  overdue!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  supervisionLevel!: AdminLevel | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  signoffSteps!: CaseLevel[];

  @Column({ type: 'int', default: 0 })
  signoffIndex!: number;

  @Column({ type: 'int', default: 0 })
  reworkCount!: number;

  @Column({ type: 'int', default: 0 })
  reopenCount!: number;

  @Column({ type: 'jsonb', nullable: true })
  pendingExtension!: { newDueAt: string; reason: string } | null;

  /** 包案: the leader who took the case personally (DESIGN §13). */
  @Index('IDX_case_taken_by')
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  takenById!: string | null;

  @Index('IDX_case_ledger')
  @ForeignKey(() => LedgerEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  ledgerId!: string | null;

  @Index('IDX_case_ledger_item')
  @ForeignKey(() => LedgerItemEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  ledgerItemId!: string | null;

  @ForeignKey(() => CaseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  @VersionColumn({ type: 'int' })
  version!: number;

  /** Head of the case's event chain (seq and hash of its last event), kept by CaseWriter. */
  @Column({ type: 'int', default: 0 })
  lastSeq!: number;

  @Column({ type: 'char', length: 64, default: () => `'${'0'.repeat(64)}'` })
  lastHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
