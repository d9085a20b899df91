// What each action asks for (DESIGN §4 "needs"), as form fields. Payload keys follow DESIGN §6.
import type { CaseAction } from '@ecoloop/workflow';

export type FieldKind =
  | 'reason'
  | 'comment'
  | 'note'
  | 'measures'
  | 'leadUnitId'
  | 'coUnitIds'
  | 'dueAt'
  | 'newDueAt'
  | 'approve'
  | 'targetCaseId'
  | 'evidence'
  | 'finding'
  | 'caseNumber'
  | 'penaltyDecisionNo'
  | 'fine'
  | 'policeReferral';

export interface FieldSpec {
  kind: FieldKind;
  label: string;
  required?: boolean;
  /** Minimum evidence files. */
  min?: number;
  initial?: unknown;
  placeholder?: string;
  /** Labels of a yes/no field (`approve`). */
  choices?: { yes: string; no: string };
}

export interface ActionFormSpec {
  fields: FieldSpec[];
  /** Shown above the form. */
  hint?: string;
  danger?: boolean;
  primary?: boolean;
}

export const ACTION_FORMS: Record<CaseAction, ActionFormSpec> = {
  accept: { primary: true, hint: '受理后案件进入待交办。', fields: [{ kind: 'comment', label: '受理意见' }] },
  dispatch: {
    primary: true,
    hint: '办理时限不填则按时限策略自动计算。',
    fields: [
      { kind: 'leadUnitId', label: '牵头单位', required: true },
      { kind: 'coUnitIds', label: '配合单位' },
      { kind: 'dueAt', label: '办理时限' },
      { kind: 'comment', label: '交办意见' },
    ],
  },
  reject: { danger: true, fields: [{ kind: 'reason', label: '不予受理理由', required: true }] },
  merge: {
    hint: '将本件作为重复件并入同辖区内一件未办结的案件。',
    fields: [
      { kind: 'targetCaseId', label: '并入案件', required: true },
      { kind: 'comment', label: '说明' },
    ],
  },
  resolve_on_spot: {
    primary: true,
    hint: '一般问题现场立即整改，提交后仍需核查销号。',
    fields: [
      { kind: 'comment', label: '处置情况', required: true },
      { kind: 'evidence', label: '整改后照片', required: true, min: 1 },
    ],
  },
  escalate: { fields: [{ kind: 'reason', label: '上报理由', required: true }] },
  sign_for: { primary: true, hint: '签收后进入整改，整改时限开始计算。', fields: [{ kind: 'comment', label: '签收意见' }] },
  return: { danger: true, fields: [{ kind: 'reason', label: '退回理由', required: true, placeholder: '如：不属于本单位职责' }] },
  reassign: {
    fields: [
      { kind: 'leadUnitId', label: '新牵头单位', required: true },
      { kind: 'reason', label: '改派理由', required: true },
    ],
  },
  report_progress: {
    fields: [
      { kind: 'note', label: '进展情况', required: true },
      { kind: 'evidence', label: '现场照片 / 材料', min: 0 },
    ],
  },
  request_extension: {
    fields: [
      { kind: 'newDueAt', label: '申请延期至', required: true },
      { kind: 'reason', label: '延期理由', required: true },
    ],
  },
  decide_extension: {
    fields: [
      { kind: 'approve', label: '审批结果', required: true, initial: true },
      { kind: 'comment', label: '审批意见', required: true },
    ],
  },
  submit_completion: {
    primary: true,
    fields: [
      { kind: 'measures', label: '整改措施及成效', required: true },
      { kind: 'evidence', label: '整改佐证材料', required: true, min: 1 },
      { kind: 'finding', label: '核查结论' },
    ],
  },
  approve: {
    primary: true,
    fields: [{ kind: 'comment', label: '核查意见', required: true, initial: '经现场核查，整改到位，同意销号。' }],
  },
  reject_completion: { danger: true, fields: [{ kind: 'reason', label: '不通过原因', required: true }] },
  review_pass: {
    primary: true,
    fields: [{ kind: 'comment', label: '回头看意见', required: true, initial: '回头看未发现问题反弹。' }],
  },
  review_fail: {
    danger: true,
    hint: '回头看不通过将重新打开案件并退回整改。',
    fields: [
      { kind: 'reason', label: '反弹情况', required: true },
      { kind: 'evidence', label: '现场照片', required: true, min: 1 },
    ],
  },
  spot_check: {
    hint: '县级抽查镇街销号的案件：抽查通过即确认销号；不通过则作为反弹重新打开，退回整改。',
    fields: [
      { kind: 'approve', label: '抽查结果', required: true, initial: true, choices: { yes: '通过', no: '不通过（反弹）' } },
      { kind: 'comment', label: '抽查意见', required: true },
      { kind: 'evidence', label: '现场照片' },
    ],
  },
  supervise: {
    fields: [
      { kind: 'note', label: '督办要求', required: true },
      { kind: 'dueAt', label: '督办时限', required: true },
    ],
  },
  remind: { fields: [{ kind: 'note', label: '催办内容', required: true, initial: '请抓紧办理，按时反馈。' }] },
  transfer_enforcement: {
    hint: '移交执法后案件状态不变；作出处罚决定后可再次登记决定书文号和罚款，企业健康码据此重新赋码。',
    fields: [
      { kind: 'caseNumber', label: '立案号', required: true },
      { kind: 'penaltyDecisionNo', label: '行政处罚决定书文号' },
      { kind: 'fine', label: '罚款金额（元）' },
      { kind: 'policeReferral', label: '移送公安', initial: false },
      { kind: 'comment', label: '移交说明' },
    ],
  },
  instruct: { hint: '批示记入案件时间线，并通知承办单位和交办人员。', fields: [{ kind: 'comment', label: '批示内容', required: true }] },
  take_charge: { hint: '包案后您的姓名显示在案件上，案件列入“我的包案”。', fields: [{ kind: 'comment', label: '包案要求' }] },
};

/** Order of buttons: forward moves first, then the rest, then the refusals. */
export const ACTION_ORDER: CaseAction[] = [
  'accept',
  'dispatch',
  'sign_for',
  'report_progress',
  'submit_completion',
  'resolve_on_spot',
  'approve',
  'review_pass',
  'spot_check',
  'decide_extension',
  'request_extension',
  'reassign',
  'escalate',
  'merge',
  'supervise',
  'remind',
  'transfer_enforcement',
  'instruct',
  'take_charge',
  'return',
  'reject',
  'reject_completion',
  'review_fail',
];
