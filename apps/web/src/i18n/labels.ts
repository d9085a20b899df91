// Chinese labels for the shared vocabulary (GLOSSARY.md). Typed as Record<…> over the
// libs/workflow unions so a new state, action, source or role fails the build until labelled.
import type {
  CaseAction,
  CaseSource,
  CaseState,
  DeadlineKind,
  DeadlineStatus,
  DeadlineUnit,
  HealthCode,
  PetitionAction,
  RegionLevel,
  WarningLevel,
  Role,
  Severity,
  SystemAction,
  TopCategory,
} from '@ecoloop/workflow';
import {
  CASE_SOURCES,
  CASE_STATES,
  CATEGORIES,
  ROLES,
  SUB_CATEGORIES,
  SOURCE_LABELS,
  STATE_LABELS,
  SUB_CATEGORY_LABELS,
  TOP_CATEGORY_LABELS as CATEGORY_LABELS,
} from '@ecoloop/workflow';

export { CATEGORY_LABELS, SOURCE_LABELS, STATE_LABELS, SUB_CATEGORY_LABELS };


/** Tag colours per state (antd preset colours). */
export const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  pending_dispatch: 'geekblue',
  assigned: 'purple',
  rectifying: 'orange',
  pending_verification: 'cyan',
  closed: 'green',
  rejected: 'default',
  merged: 'default',
};

export const ACTION_LABELS: Record<CaseAction, string> = {
  accept: '受理',
  dispatch: '交办',
  reject: '不予受理',
  merge: '合并',
  resolve_on_spot: '立整立改',
  escalate: '上报上级',
  sign_for: '签收',
  return: '退回',
  reassign: '改派',
  report_progress: '反馈进展',
  request_extension: '申请延期',
  decide_extension: '延期审批',
  submit_completion: '提交办结',
  approve: '核查销号',
  reject_completion: '核查不通过',
  review_pass: '回头看通过',
  review_fail: '回头看不通过',
  spot_check: '县级抽查',
  supervise: '督办',
  remind: '催办',
  transfer_enforcement: '移交执法',
  instruct: '批示',
  take_charge: '包案',
};

/** Events written by the `system` actor (and the initial report). */
/** Petition actions (信访, DESIGN §9), on the case action endpoint like the rest. */
export const PETITION_ACTION_LABELS: Record<PetitionAction, string> = {
  accept_petition: '受理',
  decline_petition: '不予受理',
  extend_reply: '延长答复期限',
  reply: '答复（处理意见）',
  follow_up: '回访',
  consult: '会商',
  request_review: '登记复查申请',
  decide_review: '复查意见',
  request_recheck: '登记复核申请',
  decide_recheck: '复核意见',
};

export const SYSTEM_ACTION_LABELS: Record<SystemAction, string> = {
  report: '上报',
  overdue: '超期',
  auto_supervise: '自动督办',
  reminder_sent: '到期提醒',
  alert_folded: '设备告警并案',
  duplicate_linked: '关联重复举报',
};

export const ROLE_LABELS: Record<Role, string> = {
  grid_inspector: '网格员',
  dispatcher: '调度员',
  handler: '责任单位经办人',
  supervisor: '督查审核员',
  leader: '领导',
  admin: '管理员',
};




export const SEVERITY_LABELS: Record<Severity, string> = {
  general: '一般',
  major: '重大',
};

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县（市、区）',
  town: '镇（街道）',
  village: '村（社区）',
  grid: '网格',
};

/** Short form for "jurisdiction: 南湖区（县级）". */
export const REGION_LEVEL_SHORT: Record<RegionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  town: '镇级',
  village: '村级',
  grid: '网格',
};

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  dispatch: '交办时限',
  sign_for: '签收时限',
  rectify: '整改时限',
  verify: '核查时限',
  review: '回头看',
  supervision: '督办时限',
  petition_accept: '信访受理告知时限',
  petition_reply: '信访答复时限',
  petition_review: '信访复查时限',
  petition_recheck: '信访复核时限',
};

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  pending: '进行中',
  met: '已按期完成',
  late: '逾期完成',
  overdue: '已超期',
  cancelled: '已取消',
};

/** Supervision levels carried on a case (`supervisionLevel`): the level that issued the order. */
export const SUPERVISION_LEVEL_LABELS: Record<string, string> = {
  province: '省级督办',
  city: '市级督办',
  county: '县级督办',
};

export const DEADLINE_UNIT_LABELS: Record<DeadlineUnit, string> = {
  minutes: '分钟',
  hours: '小时',
  days: '自然日',
  working_days: '工作日',
};

/** Kinds of responsible units (UNIT_KINDS of apps/api units/dto). */
export const UNIT_KIND_LABELS: Record<'bureau' | 'town_office' | 'department' | 'external' | 'enterprise', string> = {
  bureau: '生态环境局（分局）',
  town_office: '镇（街道）生态办',
  department: '职能部门',
  external: '外部单位',
  enterprise: '企业',
};

/** 风险预警 levels: `color` fills bars, `ink` writes numbers on white. */
export const RISK_LEVEL_META: Record<WarningLevel, { label: string; tag: string; color: string; ink: string }> = {
  green: { label: '绿', tag: 'green', color: '#52a447', ink: '#237804' },
  yellow: { label: '黄', tag: 'gold', color: '#f2c511', ink: '#ad8b00' },
  orange: { label: '橙', tag: 'orange', color: '#fa8c16', ink: '#d46b08' },
  red: { label: '红', tag: 'red', color: '#e5484d', ink: '#cf1322' },
  no_data: { label: '无数据', tag: 'default', color: '#bfbfbf', ink: '#8c8c8c' },
};

/** 企业环境健康码. */
export const HEALTH_CODE_META: Record<HealthCode, { label: string; tag: string; color: string; text: string }> = {
  green: { label: '绿码', tag: 'green', color: '#389e0d', text: '环境信用良好' },
  yellow: { label: '黄码', tag: 'gold', color: '#d4a106', text: '存在需关注的问题' },
  red: { label: '红码', tag: 'red', color: '#e5484d', text: '存在严重或未整改问题' },
};

const CN_QUARTERS = ['一', '二', '三', '四'];

/** A progress period (2026, 2026-H2, 2026-Q4, 2026-11) in words: 2026年第四季度. */
export function periodLabel(period: string | null | undefined): string {
  if (!period) return '—';
  const m = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?$/.exec(period);
  if (!m) return period;
  const [, y, q, h, mo] = m;
  if (q) return `${y}年第${CN_QUARTERS[Number(q) - 1]}季度`;
  if (h) return `${y}年${h === '1' ? '上' : '下'}半年`;
  if (mo) return `${y}年${Number(mo)}月`;
  return `${y}年`;
}

/** A code the tables do not know is never shown raw (issue 19: no English or codes on screen). */
function lookup(table: Record<string, string>, key: string | null | undefined, unknown = '未知'): string {
  if (!key) return '—';
  return table[key] ?? unknown;
}

export const stateLabel = (s: string | null | undefined) => lookup(STATE_LABELS, s);
export const roleLabel = (r: string | null | undefined) => (r === 'system' ? '系统' : lookup(ROLE_LABELS, r));
export const sourceLabel = (s: string | null | undefined) => lookup(SOURCE_LABELS, s);
export const severityLabel = (s: string | null | undefined) => lookup(SEVERITY_LABELS, s);
export const deadlineKindLabel = (k: string | null | undefined) => lookup(DEADLINE_KIND_LABELS, k);
export const deadlineStatusLabel = (k: string | null | undefined) => lookup(DEADLINE_STATUS_LABELS, k);
export const deadlineUnitLabel = (u: string | null | undefined) => lookup(DEADLINE_UNIT_LABELS, u);
export const unitKindLabel = (k: string | null | undefined) => lookup(UNIT_KIND_LABELS, k);
export const regionLevelLabel = (l: string | null | undefined) => lookup(REGION_LEVEL_LABELS, l);

/** Label of a requested or system action as it appears in the timeline. */
export function actionLabel(action: string | null | undefined): string {
  if (!action) return '—';
  return (
    (ACTION_LABELS as Record<string, string>)[action] ??
    (PETITION_ACTION_LABELS as Record<string, string>)[action] ??
    (SYSTEM_ACTION_LABELS as Record<string, string>)[action] ??
    '其他操作'
  );
}

/** `air.open_burning` → `大气 / 秸秆露天焚烧`; `water` → `水`; a code not in the tables → `大气 / 未知子类`, `未知类别`. */
export function categoryLabel(category: string | null | undefined): string {
  if (!category) return '—';
  const [top] = category.split('.');
  const topLabel = (CATEGORY_LABELS as Record<string, string>)[top] ?? '未知类别';
  if (!category.includes('.')) return topLabel;
  const sub = (SUB_CATEGORY_LABELS as Record<string, string>)[category] ?? '未知子类';
  return `${topLabel} / ${sub}`;
}

/** Options for an antd Cascader: top-level categories with their known sub-categories. */
export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

export function categoryCascaderOptions(): CascaderOption[] {
  return CATEGORIES.map((top): CascaderOption => {
    const subs = SUB_CATEGORIES.filter((s) => s.startsWith(`${top}.`));
    return {
      value: top,
      label: CATEGORY_LABELS[top],
      children: subs.length
        ? [
            { value: top, label: `${CATEGORY_LABELS[top]}（其他）` },
            ...subs.map((s) => ({ value: s, label: SUB_CATEGORY_LABELS[s] })),
          ]
        : undefined,
    };
  });
}

export const stateOptions = () => CASE_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }));
export const sourceOptions = () => CASE_SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }));
export const roleOptions = () => ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
export const categoryOptions = () => [
  ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
];
