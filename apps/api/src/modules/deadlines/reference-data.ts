import type { DataSource } from 'typeorm';
import { CN_CALENDAR_YEARS, DEFAULT_DEADLINE_POLICIES } from '@ecoloop/workflow';

/**
 * Data every deployment needs before the first case: the default deadline policies (DESIGN §7,
 * only when the table is empty, so an admin's edits stay) and the shipped statutory calendars
 * (years an admin already loaded are kept).
 */
export async function ensureReferenceData(db: DataSource): Promise<void> {
  await db.transaction(async (m) => {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM deadline_policy`);
    if (n === 0) {
      for (const p of DEFAULT_DEADLINE_POLICIES) {
        await m.query(
          `INSERT INTO deadline_policy (source, category, severity, kind, amount, unit, reminder_lead_minutes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [p.source, p.category, p.severity, p.kind, p.amount, p.unit, p.reminderLeadMinutes],
        );
      }
    }
    for (const year of CN_CALENDAR_YEARS) {
      await m.query(`INSERT INTO work_calendar (year, holidays, workdays) VALUES ($1, $2, $3) ON CONFLICT (year) DO NOTHING`, [
        year.year,
        year.holidays,
        year.workdays,
      ]);
    }
  });
}
