import { ForeignKey, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from './case.entity.js';

/**
 * Append-only history of a case. The database refuses UPDATE and DELETE (trigger in the migration).
 * `hash` = SHA-256(prevHash + canonical JSON of the event) chains the events of one case.
 */
@Entity('case_event')
@Index('UQ_case_event_case_seq', ['caseId', 'seq'], { unique: true })
export class CaseEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @ForeignKey(() => CaseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  action!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 32 })
  toState!: string;

  /** null for the `system` actor. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  actorName!: string;

  @Column({ type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'uuid', nullable: true })
  actorUnitId!: string | null;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  attachmentIds!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
