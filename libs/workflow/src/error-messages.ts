// The one zh-CN catalogue of API errors, keyed by the API's error `code` (apps/api AppError codes and
// the machine's refusals here). The API answers every error in Chinese from it when the thrown
// message is not Chinese already; the web shows it rather than the server's text.

export const ERROR_MESSAGES: Record<string, string> = {
  // auth
  invalid_credentials: '用户名或密码错误',
  invalid_token: '登录状态无效，请重新登录',
  token_expired: '登录已过期，请重新登录',
  invalid_refresh_token: '登录已过期，请重新登录',
  unauthorized: '请先登录',
  forbidden: '无权进行此操作',
  too_many_requests: '操作过于频繁，请稍后再试',
  // input
  validation_failed: '填写内容有误，请检查后重试',
  bad_idempotency_key: '提交标识无效，请刷新页面后重试',
  idempotency_key_reused: '该提交已处理过，请刷新页面查看结果',
  file_required: '请选择要上传的文件',
  unsupported_media_type: '文件类型不支持，请上传图片、PDF、视频或 Office 文档',
  payload_too_large: '文件过大',
  too_deep: '提交的内容嵌套层级过深',
  invalid_year: '年份须在 2000–2100 之间',
  invalid_calendar: '日历有误：调休上班日须为周六或周日，且同一天不能既休又班',
  invalid_dates: '日期有误',
  bad_attachment: '附件无效：不存在、不属于您或已用于其他案件',
  bad_code: '区划代码须以上级区划代码开头',
  bad_level: '区划层级须低于上级区划',
  invalid_text: '内容含有无法识别的字符，请删除后重试',
  foreign_fields: '提交了本操作不接受的信息，请刷新页面后重试',
  invalid_file: '文件无法读取，请确认是 Excel（.xlsx）文件',
  file_too_large: '文件过大或解压后过大，请拆分后再导入',
  received_in_future: '收件时间不能晚于现在',
  petitioner_name_required: '请填写信访人姓名（匿名信访请勾选匿名）',
  // sessions and load
  missing_token: '请先登录',
  session_revoked: '账号信息已变更，请重新登录',
  busy: '系统繁忙，请稍后再试',
  // not found / conflicts
  not_found: '未找到或无权查看',
  not_a_petition: '该案件不是信访件',
  unknown_attachment: '附件不存在或已被删除',
  not_inspection_ledger: '只有督察反馈台账的问题需要验收、公示后销号',
  item_cases_open: '该问题仍有案件未办结，不能销号',
  signoff_stage: '该问题当前不在这一销号环节',
  acceptance_materials_required: '请上传验收材料',
  notice_running: '公示期尚未结束，不能进入下一步',
  passed_required: '请选择审核是否通过',
  document_not_available: '当前办理阶段还不能出具该文书',
  merge_target_not_petition: '信访件只能合并到另一信访件',
  stale_version: '案件已被他人更新，已为您重新加载，请确认后重试',
  policy_exists: '已存在相同办理环节、来源、类别和程度的时限规则，请直接修改该条',
  default_policy_required: '兜底规则（不限来源、类别、程度）不能删除或缩小范围，只能修改时长',
  region_in_use: '该区划下仍有下级区划、单位、用户或案件，不能删除',
  region_exists: '该区划代码已存在',
  unit_exists: '已存在同名单位',
  username_taken: '用户名已被占用，请换一个',
  // workflow and references
  not_possible: '当前状态下无法进行此操作',
  invalid_payload: '办理信息不完整或有误',
  region_required: '请选择所属区划',
  unknown_region: '所选行政区划不存在',
  unknown_parent: '上级区划不存在',
  unknown_unit: '所选单位不存在或已停用',
  unit_outside_jurisdiction: '所选单位不在您的管辖范围内',
  not_a_county: '请选择县（市、区）',
  // ledgers
  ledger_import_refused: '台账导入未通过校验，请按错误提示修改后重新导入',
  quarterly_report_exists: '本单位已报送该任务本季度的季度报告',
  invalid_quarter: '季度不在可报送范围内（不能早于台账下达的季度，也不能晚于当前季度）',
  not_a_task: '只有任务清单中的任务可以报送季度报告',
  not_a_task_table: '该台账不是任务清单',
  item_signed_off: '该问题已销号，不能再报送进展',
  unknown_item: '说明中包含不属于本县（市、区）的问题',
  nothing_to_report: '本县（市、区）在该台账中没有问题，无需交账',
  ledger_items_open: '尚有未销号问题未说明',
  month_not_over: '只能发布已结束月份的风险预警',
  // device alerts and Open311
  invalid_api_key: 'API 密钥无效或已吊销',
  source_mismatch: '该 API 密钥不能上报此来源的告警',
  unknown_enterprise: '企业未登记',
  external_id_reused: '该告警编号已用于另一条告警',
  open311_error: '公众举报未受理，请检查填写内容',
  // enterprises (企业名录, 信用修复, 约谈)
  enterprise_import_refused: '企业名录导入未通过校验，请按错误提示修改后重新导入',
  nothing_to_repair: '该企业为绿码，无需信用修复',
  repair_pending: '该企业已有一件正在办理的信用修复申请',
  attendees_required: '请填写参加约谈的人员',
  invalid_json: '提交的内容不是有效的 JSON',
  internal_error: '服务器内部错误，请稍后重试',
};

/** Chinese for an HTTP status when there is no (known) code. */
export function statusMessage(status: number): string {
  if (status === 0) return '网络连接失败，请检查网络后重试';
  if (status === 400) return '填写内容有误';
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '无权进行此操作';
  if (status === 404) return '未找到或无权查看';
  if (status === 409) return '数据已被他人更新，请刷新后重试';
  if (status === 413) return '文件过大';
  if (status === 415) return '不支持的文件类型';
  if (status === 422) return '当前状态下无法进行此操作';
  if (status === 429) return '请求过于频繁，请稍后再试';
  if (status >= 500) return '服务暂不可用，请稍后重试';
  return `请求失败（${status}）`;
}

const HAN = /[\u4e00-\u9fff]/;

/** What a person reads for an API error: the catalogue by code, a Chinese server text, else the status text. */
export function errorMessage(status: number, code: string | undefined, serverMessage: string): string {
  if (code && ERROR_MESSAGES[code]) return ERROR_MESSAGES[code];
  if (HAN.test(serverMessage)) return serverMessage;
  return statusMessage(status);
}

/** What the API answers: the thrown message when it is Chinese, else the catalogue's text for the code, else the status text. */
export function answerMessage(status: number, code: string | undefined, message: string): string {
  if (HAN.test(message)) return message;
  return (code && ERROR_MESSAGES[code]) || statusMessage(status);
}
