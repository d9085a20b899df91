import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity.js';
import { ApiKeyEntity } from './api-key.entity.js';

/** One machine alert as received (DESIGN §10), with what became of it. */
@Entity('alert')
@Unique('UQ_alert_source_external', ['source', 'externalId'])
@Index('IDX_alert_point_observed', ['source', 'pointId', 'observedAt'])
@Index('IDX_alert_region_observed', ['regionPath', 'observedAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  source!: string;

  @Column({ type: 'varchar', length: 128 })
  externalId!: string;

  @ForeignKey(() => ApiKeyEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  apiKeyId!: string;

  /** SHA-256 of the canonical body: a replay with another body is refused. */
  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  pointId!: string | null;

  @Index('IDX_alert_enterprise')
  @Column({ type: 'varchar', length: 18, nullable: true })
  enterpriseCreditCode!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  pollutant!: string | null;

  @Column({ type: 'double precision', nullable: true })
  value!: number | null;

  @Column({ type: 'double precision', nullable: true })
  limit!: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  unit!: string | null;

  @Column({ type: 'timestamptz' })
  observedAt!: Date;

  @Column({ type: 'int', nullable: true })
  durationMinutes!: number | null;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'double precision', nullable: true })
  confidence!: number | null;

  @Column({ type: 'varchar', length: 64 })
  category!: string;

  @Column({ type: 'uuid', nullable: true })
  imageAttachmentId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'text' })
  regionPath!: string;

  /** short | sustained | repeated */
  @Column({ type: 'varchar', length: 16 })
  grade!: string;

  @Index('IDX_alert_case')
  @ForeignKey(() => CaseEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** True when it joined a case opened by an earlier alert. */
  @Column({ type: 'boolean', default: false })
  folded!: boolean;

  /** The phone the short-exceedance SMS went to (the enterprise's contact), if any. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  notifiedPhone!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;
}
