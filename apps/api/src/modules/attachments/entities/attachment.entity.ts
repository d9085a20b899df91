import { ForeignKey, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';

/** A stored file: content lives under STORAGE_DIR by its sha256, never by the user's name. */
@Entity('attachment')
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_attachment_sha256')
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size!: number;

  /** Sniffed from the content (magic bytes), not taken from the client. */
  @Column({ type: 'varchar', length: 100 })
  mime!: string;

  @Column({ type: 'varchar', length: 255 })
  originalName!: string;

  /** null: sent with a public (Open311) report, bound to it in the same request. */
  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  /** Set when the attachment is bound to a case by a create or an action. */
  @Index('IDX_attachment_case')
  @ForeignKey(() => CaseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'int', nullable: true })
  eventSeq!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
