import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { CalendarOutlook } from '../calendar-outlook.js';
import { DeadlinePlanner } from '../deadline-planner.service.js';
import { CalendarWatch } from '../jobs/calendar-watch.js';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('years without a stored State Council calendar (issue 12 item 14)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // No test stores 2027: make sure no earlier run left it behind.
    await t.db.query(`DELETE FROM work_calendar WHERE year = 2027`);
    t.app.get(DeadlinePlanner).invalidate();
  });
  afterAll(() => t.close());

  it('plans working days over the statutory holidays: 2026-12-31 + 1 working day is Monday 2027-01-04', async () => {
    const calendar = await t.app.get(DeadlinePlanner).calendar();
    expect(calendar.addWorkingDays(sh('2026-12-31T10:00:00'), 1).toISOString()).toBe(sh('2027-01-04T10:00:00').toISOString());
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // 正月初三
  });

  it('shows the statutory holidays of an unstored year in /admin/calendar/:year', async () => {
    const res = await t.http().get('/api/v1/admin/calendar/2039').set('Authorization', await t.tokenOf('admin')).expect(200);
    expect(res.body.stored).toBe(false);
    expect(res.body.holidays).toEqual(expect.arrayContaining(['2039-01-01', '2039-01-23', '2039-01-24', '2039-01-25', '2039-01-26', '2039-04-05', '2039-05-01', '2039-05-27', '2039-10-02', '2039-10-03']));
    expect(res.body.workdays).toEqual([]);
  });

  it('warns in /health from 1 November that next year is missing, not before, and all year when this year is', async () => {
    const outlook = t.app.get(CalendarOutlook);
    expect(await outlook.warning(sh('2026-10-31T23:59:00'))).toBeNull();
    expect(await outlook.warning(sh('2026-11-01T00:00:00'))).toMatchObject({ year: 2027 });
    expect(await outlook.warning(sh('2025-11-15T00:00:00'))).toBeNull(); // 2026 is shipped
    expect(await outlook.warning(sh('2027-03-01T00:00:00'))).toMatchObject({ year: 2027 });
    expect(await outlook.warning(sh('2027-11-15T00:00:00'))).toMatchObject({ year: 2027 }); // this year before next
    // Today (any day from 1 November 2026 on) some year is missing here: 2027 is never stored by the tests.
    const today = await outlook.warning();
    expect(today).not.toBeNull();
    const health = await t.http().get('/api/v1/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.warnings).toEqual([expect.objectContaining({ code: 'calendar_missing', year: today!.year })]);
  });

  it('notifies each admin once', async () => {
    await t.db.query(`DELETE FROM notification WHERE dedupe_key LIKE 'calendar-missing:2027:%'`);
    const watch = t.app.get(CalendarWatch);
    expect(await watch.check(sh('2026-11-02T09:00:00'))).toBeGreaterThanOrEqual(1);
    expect(await watch.check(sh('2026-11-02T15:00:00'))).toBe(0);
    const inbox = await t.http().get('/api/v1/notifications?pageSize=50').set('Authorization', await t.tokenOf('admin')).expect(200);
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'calendar_missing', title: expect.stringContaining('2027') })]));
  });
});
