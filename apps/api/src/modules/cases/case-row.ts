import type { CaseSubject } from '@ecoloop/auth';
import type { AdminLevel, CaseLevel, CaseSnapshot, CaseSource, CaseState, DeadlineKind, HealthCode, Severity } from '@ecoloop/workflow';
import { SPOT_CHECK_SHARE, currentSignoffLevel, currentSignoffLevelSql, isDrawnForSpotCheck, spotCheckDrawSql } from '@ecoloop/workflow';

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
  /** The enterprise's health code as last computed (正面清单 = green); absent on rows built after a write. */
  enterpriseHealthCode?: HealthCode | null;
  reporterId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  ownerLevel: CaseLevel;
  leadUnitId: string | null;
  leadUnitName: string | null;
  coUnitIds: string[];
  dueAt: Date | null;
  deadlineKind: DeadlineKind | null;
  overdue: boolean;
  supervisionLevel: AdminLevel | null;
  signoffSteps: CaseLevel[];
  signoffIndex: number;
  reworkCount: number;
  reopenCount: number;
  pendingExtension: { newDueAt: string; reason: string } | null;
  ledgerId: string | null;
  ledgerItemId: string | null;
  duplicateOfId: string | null;
  /** 包案: the leader who took the case, and their name. */
  takenById: string | null;
  takenByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

/** SELECT list producing a CaseRow from `"case" c` joined with `region r`, `unit lu` and `enterprise ent`. */
export const CASE_SELECT = `
  c.id, c.code, c.title, c.description, c.category, c.source, c.severity, c.state,
  c.region_code AS "regionCode", r.name AS "regionName", c.region_path AS "regionPath",
  c.lat, c.lng, c.address, c.enterprise_credit_code AS "enterpriseCreditCode", ent.health_code AS "enterpriseHealthCode",
  c.reporter_id AS "reporterId", c.reporter_name AS "reporterName", c.reporter_phone AS "reporterPhone",
  c.owner_level AS "ownerLevel", c.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", c.co_unit_ids AS "coUnitIds",
  c.due_at AS "dueAt", c.deadline_kind AS "deadlineKind", c.overdue, c.supervision_level AS "supervisionLevel",
  c.signoff_steps AS "signoffSteps", c.signoff_index AS "signoffIndex", c.rework_count AS "reworkCount",
  c.reopen_count AS "reopenCount", c.pending_extension AS "pendingExtension", c.ledger_id AS "ledgerId",
  c.ledger_item_id AS "ledgerItemId", c.duplicate_of_id AS "duplicateOfId", c.version,
  c.taken_by_id AS "takenById", (SELECT tu.display_name FROM app_user tu WHERE tu.id = c.taken_by_id) AS "takenByName",
  c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.closed_at AS "closedAt"`;

export const CASE_FROM = `"case" c JOIN region r ON r.code = c.region_code LEFT JOIN unit lu ON lu.id = c.lead_unit_id LEFT JOIN enterprise ent ON ent.credit_code = c.enterprise_credit_code`;

/** Column expressions for turning CASL rules into SQL (libs/auth scopeToSql). */
export const CASE_SCOPE_COLUMNS = {
  regionPath: 'c.region_path',
  reporterId: 'c.reporter_id',
  leadUnitId: 'c.lead_unit_id',
  coUnitIds: { column: 'c.co_unit_ids', array: true as const, element: 'uuid' as const },
  ownerLevel: 'c.owner_level',
  state: 'c.state',
  source: 'c.source',
  severity: 'c.severity',
  currentSignoffLevel: currentSignoffLevelSql('c'),
  spotCheckDrawn: `(${spotCheckDrawSql('c.id')} < ${Math.round(SPOT_CHECK_SHARE * 10_000)})`,
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
export function toSubject(c: Pick<CaseRow, 'regionPath' | 'reporterId' | 'source' | 'severity'> & { id?: string }, s: CaseSnapshot): CaseSubject {
  return {
    regionPath: c.regionPath,
    reporterId: c.reporterId,
    leadUnitId: s.leadUnitId,
    coUnitIds: s.coUnitIds,
    ownerLevel: s.ownerLevel,
    currentSignoffLevel: currentSignoffLevel(s),
    state: s.state,
    source: c.source,
    severity: c.severity,
    spotCheckDrawn: c.id !== undefined && isDrawnForSpotCheck(c.id),
  };
}
