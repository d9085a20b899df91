import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Grading and folding thresholds per device source (`default` for every source), editable by admins. */
@Entity('alert_policy')
export class AlertPolicyEntity {
  /** A device source, or `default`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  source!: string;

  /** An exceedance lasting at least this long is sustained (opens a case); shorter ones are short. */
  @Column({ type: 'int' })
  sustainedMinutes!: number;

  /** An alert joins an open case that had an alert at the same point within this many hours. */
  @Column({ type: 'int' })
  foldWindowHours!: number;

  /** The n-th alert at one point within `repeatWindowDays` opens the case under city 督办. */
  @Column({ type: 'int' })
  repeatCount!: number;

  @Column({ type: 'int' })
  repeatWindowDays!: number;

  /** Fire points within this distance (and of the same category) are one place. */
  @Column({ type: 'int' })
  foldRadiusMeters!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
