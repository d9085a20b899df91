import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeadlineKind, Severity } from '@ecoloop/workflow';

/** Durations per source / category / severity (null = any). Defaults seeded by migration. */
@Entity('deadline_policy')
@Check('CHK_deadline_policy_unit', `"unit" IN ('minutes','hours','days','working_days')`)
export class DeadlinePolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  source!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  category!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  severity!: Severity | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: DeadlineKind;

  @Column({ type: 'double precision' })
  amount!: number;

  @Column({ type: 'varchar', length: 16 })
  unit!: 'minutes' | 'hours' | 'days' | 'working_days';

  @Column({ type: 'double precision', default: 0 })
  reminderLeadMinutes!: number;
}
