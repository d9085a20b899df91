import { ForeignKey, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity.js';
import { CaseEntity } from '../../cases/entities/case.entity.js';

/** An in-app message for one user. */
@Entity('notification')
@Index('IDX_notification_user_created', ['userId', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => UserEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  userId!: string;

  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  /** Makes a repeated job write one notification only. */
  @Index('UQ_notification_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 128, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
