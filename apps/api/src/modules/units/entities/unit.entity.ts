import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';

/** A responsible organisation: bureau, town office, department, outside body, enterprise (DESIGN §11). */
@Entity('unit')
@Check('CHK_unit_kind', `"kind" IN ('bureau','town_office','department','external','enterprise')`)
export class UnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_unit_name', { unique: true })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Index('IDX_unit_region')
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: RegionEntity;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
