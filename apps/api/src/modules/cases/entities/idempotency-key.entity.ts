import { ForeignKey, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity.js';

/** A remembered request: the same key and body answer the same result; another body is refused. */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ type: 'varchar', length: 64 })
  scope!: string;

  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'uuid', nullable: true })
  resourceId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
