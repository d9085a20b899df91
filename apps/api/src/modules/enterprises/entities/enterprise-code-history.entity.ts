import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { HealthCode, HealthReason } from '@ecoloop/workflow';
import { EnterpriseEntity } from './enterprise.entity.js';

/** Every change of an enterprise's health code, with the reasons it had then (append-only). */
@Entity('enterprise_code_history')
@Index('IDX_enterprise_code_history', ['creditCode', 'at'])
export class EnterpriseCodeHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @ForeignKey(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  fromCode!: HealthCode | null;

  @Column({ type: 'varchar', length: 8 })
  code!: HealthCode;

  @Column({ type: 'jsonb' })
  reasons!: HealthReason[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}
