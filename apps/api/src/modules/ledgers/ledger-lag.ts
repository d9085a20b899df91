// 序时 (DESIGN §15): a row whose 序时节点 has passed without its planned progress is 序时滞后 —
// yellow from the day after the milestone, red once the policy's grace has also passed. Pure.

export type LagLevel = 'yellow' | 'red';

export interface LagInput {
  /** 序时节点 (YYYY-MM-DD) and the planned percent due by each, in date order. */
  milestones: string[];
  percents: number[];
  /** Progress reports of the row: the calendar date (Asia/Shanghai) and the percent reached. */
  reports: { date: string; percent: number | null }[];
  /** Today in Asia/Shanghai (YYYY-MM-DD). */
  today: string;
  /** Days after a missed milestone before the lag turns red. */
  graceDays: number;
  /** Every case of the row is closed: nothing lags any more. */
  signedOff: boolean;
  /** Every open case of the row has handed in its completion (待核查): the work is done. */
  submitted?: boolean;
}

export interface Lag {
  level: LagLevel;
  /** The earliest passed milestone whose planned progress was not reached by its date. */
  milestone: string;
  planned: number;
  /** The progress reached so far (the highest reported percent; 0 without reports). */
  actual: number;
  /** The day the row turns red. */
  redOn: string;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The row's lag today, or null when it is on schedule. A milestone counts as met when progress of at
 * least its planned percent was reported on or before its date; a missed milestone stays missed until
 * the progress catches up with it (then the next missed one, if any, counts).
 */
export function rowLag(input: LagInput): Lag | null {
  if (input.signedOff || input.submitted) return null;
  const actual = Math.max(0, ...input.reports.map((r) => r.percent ?? 0));
  for (let i = 0; i < input.milestones.length; i++) {
    const milestone = input.milestones[i];
    if (milestone >= input.today) break; // not passed yet: due by the end of that day
    const planned = input.percents[i] ?? 100;
    const byMilestone = Math.max(0, ...input.reports.filter((r) => r.date <= milestone).map((r) => r.percent ?? 0));
    if (byMilestone >= planned || actual >= planned) continue; // met on time, or caught up since
    const redOn = addDays(milestone, input.graceDays + 1);
    return { level: input.today >= redOn ? 'red' : 'yellow', milestone, planned, actual, redOn };
  }
  return null;
}

/** Today's date in Asia/Shanghai. */
export function shanghaiToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
