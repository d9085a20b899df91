import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';

/** A county's monthly risk warning (风险预警) computed from its problem figures. */
@Entity('risk_warning')
@Index('UQ_risk_warning_region_month', ['regionCode', 'month'], { unique: true })
@Check('CHK_risk_warning_level', `"level" IN ('green','yellow','orange','red')`)
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

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'varchar', length: 8 })
  level!: 'green' | 'yellow' | 'orange' | 'red';

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}
