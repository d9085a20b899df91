import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';

/** A county's monthly risk warning (风险预警) computed from its problem figures; frozen once issued. */
@Entity('risk_warning')
@Index('UQ_risk_warning_region_month', ['regionCode', 'month'], { unique: true })
@Check('CHK_risk_warning_level', `"level" IN ('green','yellow','orange','red','no_data')`)
export class RiskWarningEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => RegionEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  month!: string;

  @Column({ type: 'jsonb' })
  figures!: Record<string, number>;

  /** Null for `no_data`. */
  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ type: 'varchar', length: 8 })
  level!: 'green' | 'yellow' | 'orange' | 'red' | 'no_data';

  /** 管控力指数; null for `no_data`. */
  @Column({ type: 'double precision', nullable: true })
  controlIndex!: number | null;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;

  /** When the monthly 预警通报 was issued; from then on the row is frozen. */
  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  /** What issuing it set off (city 督办 on cases, a 定点帮扶 task). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  consequences!: unknown[];
}
