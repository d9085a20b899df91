import { Injectable } from '@nestjs/common';
import { inRegion } from '@ecoloop/auth';
import { DEADLINE_KINDS, statutoryCalendarYear, WorkCalendar } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { DeadlinePlanner } from './deadline-planner.service.js';
import { DeadlinesAdminRepository, type PolicyFields } from './deadlines-admin.repository.js';
import type {
  CalendarYearBodyDto,
  CalendarYearDto,
  CreateDeadlinePolicyDto,
  DeadlinePolicyDto,
  DeadlineStatsDto,
  UpdateDeadlinePolicyDto,
} from './dto/deadlines.dto.js';
import { isUuid } from '../../core/http/uuid.js';

const sameScope = (a: PolicyFields, b: PolicyFields) => a.kind === b.kind && a.source === b.source && a.category === b.category && a.severity === b.severity;
const isCatchAll = (p: PolicyFields) => p.source === null && p.category === null && p.severity === null;

/**
 * The working-day calendar and the deadline policies (admins), and the deadline figures (readers of
 * Stats). Every change clears DeadlinePlanner's cache here; other replicas pick it up within 30 s.
 */
@Injectable()
export class DeadlinesAdminService {
  constructor(
    private readonly rows: DeadlinesAdminRepository,
    private readonly planner: DeadlinePlanner,
  ) {}

  async calendar(year: number): Promise<CalendarYearDto> {
    const stored = await this.rows.calendarYear(year);
    // Without a stored year, the statutory holidays the planner falls back to (no 调休).
    const shown = stored ?? statutoryCalendarYear(year);
    return { year, stored: !!stored, holidays: shown.holidays, workdays: shown.workdays };
  }

  /** Replaces a year: dates must be real, in that year, not in both lists; make-up days fall on weekends. */
  async saveCalendar(year: number, body: CalendarYearBodyDto): Promise<CalendarYearDto> {
    const holidays = [...new Set(body.holidays)].sort();
    const workdays = [...new Set(body.workdays)].sort();
    const details: ErrorDetail[] = [];
    const check = (field: 'holidays' | 'workdays', d: string) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d) details.push({ field, message: `${d} is not a date` });
      else if (Number(d.slice(0, 4)) !== year) details.push({ field, message: `${d} is not in ${year}` });
      else if (field === 'workdays' && ![0, 6].includes(new Date(ms).getUTCDay())) {
        details.push({ field, message: `${d} is a weekday: make-up working days are Saturdays or Sundays` });
      }
    };
    holidays.forEach((d) => check('holidays', d));
    workdays.forEach((d) => check('workdays', d));
    for (const d of workdays) if (holidays.includes(d)) details.push({ field: 'workdays', message: `${d} is both a holiday and a working day` });
    if (details.length) throw AppError.unprocessable('invalid_calendar', details.map((x) => x.message).join('; '), details);
    new WorkCalendar([{ year, holidays, workdays }]); // the same parser the planner uses must accept it
    await this.rows.saveCalendarYear(year, holidays, workdays);
    this.planner.invalidate();
    return { year, stored: true, holidays, workdays };
  }

  policies(): Promise<DeadlinePolicyDto[]> {
    return this.rows.policies();
  }

  async createPolicy(dto: CreateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    const fields: PolicyFields = {
      source: dto.source ?? null,
      category: dto.category ?? null,
      severity: dto.severity ?? null,
      kind: dto.kind,
      amount: dto.amount,
      unit: dto.unit,
      reminderLeadMinutes: dto.reminderLeadMinutes ?? 0,
    };
    await this.checkUnique(fields);
    const created = await this.rows.insertPolicy(fields);
    this.planner.invalidate();
    return created;
  }

  async updatePolicy(id: string, dto: UpdateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    const current = await this.policy(id);
    const pick = <K extends keyof PolicyFields>(k: K): PolicyFields[K] => (dto[k] !== undefined ? (dto[k] as PolicyFields[K]) : current[k]);
    const next: PolicyFields = {
      source: pick('source'),
      category: pick('category'),
      severity: pick('severity'),
      kind: pick('kind'),
      amount: pick('amount'),
      unit: pick('unit'),
      reminderLeadMinutes: pick('reminderLeadMinutes'),
    };
    await this.checkUnique(next, id);
    if (isCatchAll(current) && !(isCatchAll(next) && next.kind === current.kind)) throw defaultRequired(current.kind);
    const updated = await this.rows.updatePolicy(id, next);
    if (!updated) throw AppError.notFound('时限规则');
    this.planner.invalidate();
    return updated;
  }

  /** The catch-all policy of a kind (no source, category or severity) stays: every deadline needs one. */
  async deletePolicy(id: string): Promise<void> {
    const current = await this.policy(id);
    if (isCatchAll(current)) throw defaultRequired(current.kind);
    if (!(await this.rows.deletePolicy(id))) throw AppError.notFound('时限规则');
    this.planner.invalidate();
  }

  /** Per kind, for the region (default: the caller's own) if it lies in the caller's jurisdiction. */
  async stats(user: RequestUser, regionCode = user.regionCode): Promise<DeadlineStatsDto> {
    const region = await this.rows.region(regionCode);
    if (!region || !user.ability.can('read', inRegion('Stats', region.path))) throw AppError.notFound('行政区划');
    const rows = await this.rows.deadlineStats(region.path);
    const byKind = DEADLINE_KINDS.map(
      (kind) => rows.find((r) => r.kind === kind) ?? { kind, total: 0, pending: 0, met: 0, late: 0, overdueOpen: 0, overdueAgainstOriginal: 0, overdueAfterExtension: 0, extended: 0 },
    );
    return { regionCode: region.code, regionName: region.name, byKind };
  }

  private async policy(id: string): Promise<DeadlinePolicyDto> {
    const p = isUuid(id) ? await this.rows.policy(id) : null;
    if (!p) throw AppError.notFound('时限规则');
    return p;
  }

  private async checkUnique(p: PolicyFields, exceptId?: string): Promise<void> {
    const clash = (await this.rows.policies()).find((o) => o.id !== exceptId && sameScope(o, p));
    if (clash) {
      throw AppError.conflict('policy_exists', 'A policy for this kind, source, category and severity already exists; change that one instead', [
        { field: 'kind', message: `existing policy ${clash.id}` },
      ]);
    }
  }
}

function defaultRequired(kind: string): AppError {
  return AppError.conflict('default_policy_required', `The catch-all ${kind} policy (any source, category and severity) cannot be removed or narrowed; change its duration instead`);
}
