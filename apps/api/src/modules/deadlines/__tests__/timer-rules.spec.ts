import { ConfigError } from '../../../core/config/app-config.js';
import { DeadlineJobName } from '../jobs/deadline-queue.js';
import type { TimerCase, TimerDeadline } from '../jobs/deadline-timers.repository.js';
import { orderFor } from '../jobs/deadline-timers.service.js';
import { fireTime, wakeUpsOf } from '../jobs/wake-ups.js';
import { loadTimersConfig } from '../timers.config.js';

const county: TimerCase = {
  id: 'c1',
  code: 'JX-2026-000001',
  title: 't',
  state: 'rectifying',
  category: 'air.open_burning',
  source: 'grid_patrol',
  severity: 'general',
  ownerLevel: 'county',
  supervisionLevel: null,
  leadUnitId: 'u1',
  regionByLevel: { city: '330400', county: '330402', town: '330402100', grid: '330402100001' },
};
const deadline = (over: Partial<TimerDeadline> = {}): TimerDeadline => ({
  id: 'd1',
  caseId: 'c1',
  kind: 'rectify',
  dueAt: new Date('2026-11-01T00:00:00Z'),
  originalDueAt: new Date('2026-11-01T00:00:00Z'),
  level: null,
  ...over,
});

describe('automatic supervision (督办) on overdue', () => {
  it('orders one level above the owning county: the city', () => {
    expect(orderFor(county, [deadline()], [])).toMatchObject({ level: 'city', because: { id: 'd1' } });
  });

  it('does not invent a province above a city deployment', () => {
    expect(orderFor({ ...county, ownerLevel: 'city' }, [deadline()], [])).toBeNull();
    expect(orderFor(county, [deadline({ kind: 'supervision', level: 'city' })], [])).toBeNull();
  });

  it('escalates an overdue county order to the city', () => {
    expect(orderFor(county, [deadline({ kind: 'supervision', level: 'county' })], [])).toMatchObject({ level: 'city' });
  });

  it('raises nothing on a closed case or one already under an order at that level or higher', () => {
    expect(orderFor({ ...county, state: 'closed' }, [deadline({ kind: 'review' })], [])).toBeNull();
    expect(orderFor(county, [deadline()], ['city'])).toBeNull();
    expect(orderFor(county, [deadline()], ['province'])).toBeNull();
    expect(orderFor(county, [deadline()], ['county'])).toMatchObject({ level: 'city' });
  });
});

describe('wake-up times', () => {
  const created = new Date('2026-11-23T10:00:00Z');
  it('wakes at the due and reminder times; a row born due waits for the grace', () => {
    const rows = [
      { id: 'a', status: 'pending' as const, dueAt: new Date('2026-11-23T11:00:00Z'), remindAt: new Date('2026-11-23T10:30:00Z'), remindedAt: null, createdAt: created },
      { id: 'b', status: 'pending' as const, dueAt: new Date('2026-11-01T00:00:00Z'), remindAt: null, remindedAt: null, createdAt: created },
      { id: 'c', status: 'pending' as const, dueAt: new Date('2026-11-23T11:00:00Z'), remindAt: new Date('2026-11-23T10:30:00Z'), remindedAt: created, createdAt: created },
      { id: 'd', status: 'met' as const, dueAt: new Date('2026-11-23T11:00:00Z'), remindAt: null, remindedAt: null, createdAt: created },
    ];
    expect(wakeUpsOf(rows, 10_000).map((w) => [w.name, w.deadlineId, w.at.toISOString()])).toEqual([
      [DeadlineJobName.Due, 'a', '2026-11-23T11:00:00.000Z'],
      [DeadlineJobName.Remind, 'a', '2026-11-23T10:30:00.000Z'],
      [DeadlineJobName.Due, 'b', '2026-11-23T10:00:10.000Z'],
      [DeadlineJobName.Due, 'c', '2026-11-23T11:00:00.000Z'],
    ]);
    // Only what falls within the horizon.
    expect(wakeUpsOf(rows, 0, new Date('2026-11-23T10:45:00Z')).map((w) => `${w.name}:${w.deadlineId}`)).toEqual([
      `${DeadlineJobName.Remind}:a`,
      `${DeadlineJobName.Due}:b`,
    ]);
    expect(fireTime(new Date('2026-11-01T00:00:00Z'), created, 0).toISOString()).toBe(created.toISOString());
    expect(fireTime(new Date('2026-12-01T00:00:00Z'), created, 10_000).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // A deadline of a few seconds set ahead of time is not held back by the grace.
    expect(fireTime(new Date(created.getTime() + 2000), created, 10_000).getTime()).toBe(created.getTime() + 2000);
  });
});

describe('timers configuration', () => {
  it('has defaults and refuses bad values', () => {
    expect(loadTimersConfig({})).toMatchObject({ reconcileIntervalMs: 60_000, batchSize: 500, graceMs: 10_000 });
    expect(loadTimersConfig({ RECONCILE_INTERVAL_MS: '5000' }).reconcileIntervalMs).toBe(5000);
    expect(() => loadTimersConfig({ RECONCILE_INTERVAL_MS: '10' })).toThrow(ConfigError);
    expect(() => loadTimersConfig({ TIMER_BATCH_SIZE: 'many' })).toThrow(/TIMER_BATCH_SIZE/);
  });
});
