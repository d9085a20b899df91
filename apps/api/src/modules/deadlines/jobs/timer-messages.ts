import { shanghaiDate, type AdminLevel, type DeadlineKind } from '@ecoloop/workflow';

/** Labels people read (zh-CN), for events' comments and notifications. */
export const KIND_LABEL: Record<DeadlineKind, string> = {
  dispatch: '交办',
  sign_for: '签收',
  rectify: '整改',
  verify: '核查',
  review: '回头看',
  supervision: '督办',
  petition_accept: '信访受理告知',
  petition_reply: '信访答复',
  petition_review: '信访复查',
  petition_recheck: '信访复核',
};

export const LEVEL_LABEL: Record<AdminLevel, string> = { province: '省级', city: '市级', county: '县级' };

/** The 1530 fast track (秸秆露天焚烧): its overdue and reminders also go out through the outbound channel. */
export const FAST_TRACK_CATEGORY = 'air.open_burning';

/** "2026-11-23 18:05" in Asia/Shanghai. */
export function shanghaiTime(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3_600_000);
  return `${shanghaiDate(d)} ${local.toISOString().slice(11, 16)}`;
}

export const SYSTEM_ACTOR = { actorId: null, actorName: '系统', actorRole: 'system', actorUnitId: null } as const;
