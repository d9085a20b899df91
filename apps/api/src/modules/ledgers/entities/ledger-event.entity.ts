import { Check, Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import { LedgerEntity } from './ledger.entity.js';

export const LEDGER_EVENT_KINDS = ['created', 'imported', 'report_back', 'lag', 'lag_cleared', 'acceptance', 'notice', 'review', 'signed_off', 'quarterly_report'] as const;
export type LedgerEventKind = (typeof LEDGER_EVENT_KINDS)[number];

/**
 * Append-only history of a ledger: creation, each import, and each county's report-back (交账).
 * The database refuses UPDATE, DELETE and TRUNCATE (trigger in the migration).
 */
@Entity('ledger_event')
@Index('IDX_ledger_event_ledger', ['ledgerId', 'at'])
@Check('CHK_ledger_event_kind', `"kind" IN ('created','imported','report_back','lag','lag_cleared','acceptance','notice','review','signed_off','quarterly_report')`)
export class LedgerEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @ForeignKey(() => LedgerEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  ledgerId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: LedgerEventKind;

  /** For report_back: the county that reported. */
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  regionCode!: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  /** Null for the system (序时 sweeps). */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 64 })
  actorName!: string;

  @Column({ type: 'varchar', length: 32 })
  actorRole!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
