import { asCase, canSeeReporterContact } from '@ecoloop/auth';
import { possibleActions, type CaseAction, type RegionLevel } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { toSnapshot, toSubject, type CaseRow } from './case-row.js';
import type { CaseDto, CaseEventDto } from './dto/case.dto.js';
import type { StoredEvent } from './cases.repository.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** What the machine allows from this state AND CASL allows this user (DESIGN §4). */
export function allowedActions(row: CaseRow, user: { ability: RequestUser['ability']; regionLevel: RegionLevel }): CaseAction[] {
  const snapshot = toSnapshot(row);
  const subject = asCase(toSubject(row, snapshot));
  return possibleActions(snapshot, { actorLevel: user.regionLevel }).filter((a) => user.ability.can(a, subject));
}

/** The case for one user: reporter contact only where the field-level rule allows (DESIGN §5). */
export function toCaseDto(row: CaseRow, user: RequestUser, actions: CaseAction[] = allowedActions(row, user)): CaseDto {
  const dto: CaseDto = {
    id: row.id,
    code: row.code,
    title: row.title,
    description: row.description,
    category: row.category,
    source: row.source,
    severity: row.severity,
    state: row.state,
    regionCode: row.regionCode,
    regionName: row.regionName,
    lat: row.lat,
    lng: row.lng,
    address: row.address,
    enterpriseCreditCode: row.enterpriseCreditCode,
    enterpriseHealthCode: row.enterpriseHealthCode ?? null,
    leadUnitId: row.leadUnitId,
    takenById: row.takenById,
    takenByName: row.takenByName,
    leadUnitName: row.leadUnitName,
    coUnitIds: row.coUnitIds,
    dueAt: iso(row.dueAt),
    deadlineKind: row.deadlineKind,
    overdue: row.overdue,
    supervisionLevel: row.supervisionLevel,
    ownerLevel: row.ownerLevel,
    signoffSteps: row.signoffSteps,
    signoffIndex: row.signoffIndex,
    reworkCount: row.reworkCount,
    reopenCount: row.reopenCount,
    pendingExtension: row.pendingExtension,
    ledgerId: row.ledgerId,
    duplicateOfId: row.duplicateOfId,
    reporterId: row.reporterId,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    closedAt: iso(row.closedAt),
    allowedActions: actions,
  };
  if (canSeeReporterContact(user.ability, toSubject(row, toSnapshot(row)))) {
    dto.reporterName = row.reporterName;
    dto.reporterPhone = row.reporterPhone;
  }
  return dto;
}

export function toEventDto(e: StoredEvent): CaseEventDto {
  return {
    seq: e.seq,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    comment: e.comment,
    payload: e.payload as Record<string, unknown>,
    attachmentIds: e.attachmentIds,
    at: new Date(e.at).toISOString(),
    hash: e.hash,
  };
}
