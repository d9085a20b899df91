import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@ecoloop/workflow';

/** An administrative region; `path` is the materialised path of codes joined by '.'. */
@Entity('region')
@Check('CHK_region_level', `"level" IN ('province','city','county','town','village','grid')`)
@Index('IDX_region_path_pattern', { synchronize: false })
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 12 })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: RegionLevel;

  @Index('IDX_region_parent')
  @Column({ type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code' })
  parent?: RegionEntity;

  @Column({ type: 'text' })
  path!: string;

  /** Optional GeoJSON geometry of the region's boundary. */
  @Column({ type: 'jsonb', nullable: true })
  boundary!: object | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
