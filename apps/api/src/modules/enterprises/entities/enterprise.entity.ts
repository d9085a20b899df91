import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { CreditRating, HealthCode, HealthReason } from '@ecoloop/workflow';
import { RegionEntity } from '../../regions/entities/region.entity.js';

/**
 * An enterprise by its unified social credit code (统一社会信用代码, GB 32100 check digit verified on
 * import). The health code is stored with its reasons so that lists filter by colour; it is
 * recomputed from confirmed facts whenever `health_stale` is set (by a trigger on its cases, and by
 * enforcement transfers and credit repairs in their own transactions).
 */
@Entity('enterprise')
@Index('IDX_enterprise_health', ['healthCode', 'regionCode'])
@Index('IDX_enterprise_stale', ['creditCode'], { where: '"health_stale"' })
@Check('CHK_enterprise_health_code', `"health_code" IN ('green','yellow','red')`)
@Check('CHK_enterprise_credit_rating', `"credit_rating" IN ('A','B','C','D')`)
export class EnterpriseEntity {
  @PrimaryColumn({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Index('IDX_enterprise_region')
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  industry!: string | null;

  /** 排污许可证编号. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  permitNumber!: string | null;

  /** 重点排污单位. */
  @Column({ type: 'boolean', default: false })
  keyDischarger!: boolean;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  contactPhone!: string | null;

  /** 企业环境信用评价 (A–D), when rated. */
  @Column({ type: 'varchar', length: 1, nullable: true })
  creditRating!: CreditRating | null;

  @Column({ type: 'varchar', length: 8, default: 'green' })
  healthCode!: HealthCode;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  healthReasons!: HealthReason[];

  @Column({ type: 'timestamptz', nullable: true })
  healthAt!: Date | null;

  /** Facts changed since the code was computed. */
  @Column({ type: 'boolean', default: true })
  healthStale!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
