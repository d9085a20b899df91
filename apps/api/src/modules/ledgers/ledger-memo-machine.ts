// The machine and the planner for one ledger import, remembered by input.
import { decide, openCase, type CaseSnapshot, type DecideInput, type DecideResult, type Effect, type NewCase, type PolicySubject } from '@ecoloop/workflow';
import type { DeadlinePlanner, PlannedDeadline } from '../deadlines/deadline-planner.service.js';

/**
 * The machine and the planner for one import. Both are pure for given inputs (the planner within its
 * cache), and the rows of a ledger repeat the same few categories, units and deadlines, so their
 * answers are remembered by input: thousands of rows cost a few hundred machine runs.
 */
export class MemoMachine {
  private readonly opened = new Map<string, ReturnType<typeof openCase>>();
  private readonly decided = new Map<string, DecideResult>();
  private readonly plans = new Map<string, PlannedDeadline>();

  constructor(private readonly planner: DeadlinePlanner) {}

  open(input: NewCase): ReturnType<typeof openCase> {
    const key = JSON.stringify([input.severity, input.source, input.category]);
    let opened = this.opened.get(key);
    if (!opened) this.opened.set(key, (opened = openCase(input)));
    return opened;
  }

  decide(snapshot: CaseSnapshot, input: DecideInput): DecideResult {
    const key = JSON.stringify([snapshot, input.action, input.payload, input.actorLevel, input.now.getTime()]);
    let result = this.decided.get(key);
    if (!result) this.decided.set(key, (result = decide(snapshot, input)));
    return result;
  }

  async plan(effects: Effect[], subject: PolicySubject, at: Date): Promise<PlannedDeadline[]> {
    const planned: PlannedDeadline[] = [];
    for (const e of effects) {
      if (e.type !== 'start_deadline') continue;
      const key = JSON.stringify([e.kind, subject.source, subject.category, subject.severity, at.getTime(), e.dueAt ?? null]);
      let plan = this.plans.get(key);
      if (!plan) this.plans.set(key, (plan = await this.planner.plan(e.kind, subject, at, e.dueAt)));
      planned.push(plan);
    }
    return planned;
  }
}

