import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';

/** A device source's key for `POST /alerts` (DESIGN §10): only its SHA-256 is kept; shown once. */
@Entity('api_key')
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** The device source it may post for (online_monitoring, mobile_survey, camera, drone, satellite). */
  @Column({ type: 'varchar', length: 32 })
  source!: string;

  /** Where its alerts belong when they name no region and no enterprise. */
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @Index('UQ_api_key_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  keyHash!: string;

  /** The first characters of the key, so admins can tell keys apart. */
  @Column({ type: 'varchar', length: 12 })
  keyPrefix!: string;

  @ForeignKey(() => UserEntity, { onDelete: 'SET NULL' })
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
