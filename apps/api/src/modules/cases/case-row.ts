import type { CaseSubject } from '@ecoloop/auth';
import type { AdminLevel, CaseSnapshot, CaseSource, CaseState, DeadlineKind, Severity } from '@ecoloop/workflow';

/** A case as read from the database (camelCase aliases of the `case` columns plus joined names). */
export interface CaseRow {
  id: string;
  code: string;
  title: string;
  description: string;
  category: string;
  source: CaseSource;
  severity: Severity;
  state: CaseState;
  regionCode: string;
  regionName: string;
  regionPath: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
  enterpriseCreditCode: string | null;
  reporterId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  ownerLevel: AdminLevel;
  leadUnitId: string | null;
  leadUnitName: string | null;
  coUnitIds: string[];
  dueAt: Date | null;
  deadlineKind: DeadlineKind | null;
  overdue: boolean;
  supervisionLevel: AdminLevel | null;
  signoffSteps: AdminLevel[];
  signoffIndex: number;
  reworkCount: number;
  reopenCount: number;
  pendingExtension: { newDueAt: string; reason: string } | null;
  ledgerId: string | null;
  ledgerItemId: string | null;
  duplicateOfId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** SELECT list producing a CaseRow from `"case" c` joined with `region r` and `unit lu`. */
export const CASE_SELECT = `
  c.id, c.code, c.title, c.description, c.category, c.source, c.severity, c.state,
  c.region_code AS "regionCode", r.name AS "regionName", c.region_path AS "regionPath",
  c.lat, c.lng, c.address, c.enterprise_credit_code AS "enterpriseCreditCode",
  c.reporter_id AS "reporterId", c.reporter_name AS "reporterName", c.reporter_phone AS "reporterPhone",
  c.owner_level AS "ownerLevel", c.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", c.co_unit_ids AS "coUnitIds",
  c.due_at AS "dueAt", c.deadline_kind AS "deadlineKind", c.overdue, c.supervision_level AS "supervisionLevel",
  c.signoff_steps AS "signoffSteps", c.signoff_index AS "signoffIndex", c.rework_count AS "reworkCount",
  c.reopen_count AS "reopenCount", c.pending_extension AS "pendingExtension", c.ledger_id AS "ledgerId",
  c.ledger_item_id AS "ledgerItemId", c.duplicate_of_id AS "duplicateOfId", c.version,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.closed_at AS "closedAt"`;

export const CASE_FROM = `"case" c JOIN region r ON r.code = c.region_code LEFT JOIN unit lu ON lu.id = c.lead_unit_id`;

/** Column expressions for turning CASL rules into SQL (libs/auth scopeToSql). */
export const CASE_SCOPE_COLUMNS = {
  regionPath: 'c.region_path',
  reporterId: 'c.reporter_id',
  leadUnitId: 'c.lead_unit_id',
  coUnitIds: { column: 'c.co_unit_ids', array: true as const },
  ownerLevel: 'c.owner_level',
  state: 'c.state',
  source: 'c.source',
  severity: 'c.severity',
  currentSignoffLevel: `(CASE WHEN c.state = 'pending_verification' THEN c.signoff_steps[c.signoff_index + 1] END)`,
};

export function toSnapshot(c: CaseRow): CaseSnapshot {
  return {
    state: c.state,
    severity: c.severity,
    source: c.source,
    category: c.category,
    signoffSteps: c.signoffSteps,
    signoffIndex: c.signoffIndex,
    reworkCount: c.reworkCount,
    reopenCount: c.reopenCount,
    ownerLevel: c.ownerLevel,
    supervisionLevel: c.supervisionLevel,
    leadUnitId: c.leadUnitId,
    coUnitIds: c.coUnitIds,
    pendingExtension: c.pendingExtension,
  };
}

/** The fields permissions look at, for a stored case or for the snapshot it would become. */
export function toSubject(c: Pick<CaseRow, 'regionPath' | 'reporterId' | 'source' | 'severity'>, s: CaseSnapshot): CaseSubject {
  return {
    regionPath: c.regionPath,
    reporterId: c.reporterId,
    leadUnitId: s.leadUnitId,
    coUnitIds: s.coUnitIds,
    ownerLevel: s.ownerLevel,
    currentSignoffLevel: s.state === 'pending_verification' ? (s.signoffSteps[s.signoffIndex] ?? null) : null,
    state: s.state,
    source: c.source,
    severity: c.severity,
  };
}
