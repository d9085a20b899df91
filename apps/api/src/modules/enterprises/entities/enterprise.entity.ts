import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';

/** An enterprise by its unified social credit code (统一社会信用代码). */
@Entity('enterprise')
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
