import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The statutory working-day calendar of one year: holidays and make-up working days (调休). */
@Entity('work_calendar')
export class WorkCalendarEntity {
  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ type: 'date', array: true, default: () => "'{}'" })
  holidays!: string[];

  @Column({ type: 'date', array: true, default: () => "'{}'" })
  workdays!: string[];
}
