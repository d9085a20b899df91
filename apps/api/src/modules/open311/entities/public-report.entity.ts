import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity.js';

/**
 * What an Open311 client sent with a public report besides the case itself: the reporter's e-mail
 * (PII, like the phone on the case), media URL, client ids, the answers to the service's
 * questions, the token of GET tokens/{token}, and the API key of a client posting for others.
 */
@Entity('public_report')
export class PublicReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' })
  caseId!: string;

  @Index('UQ_public_report_token', { unique: true })
  @Column({ type: 'uuid' })
  token!: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  deviceId!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  accountId!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  addressId!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  apiKeyId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
