// Chinese names of the vocabulary (GLOSSARY.md), shared by the API's own texts (Open311 service list,
// ledger spreadsheets) and the web client.
import type { CaseSource, CaseState, SUB_CATEGORIES, TopCategory } from './domain.js';

type SubCategory = (typeof SUB_CATEGORIES)[number];

export const TOP_CATEGORY_LABELS: Record<TopCategory, string> = {
  water: '水',
  air: '大气',
  soil: '土壤',
  solid_waste: '固体废物',
  noise: '噪声',
  ecology: '生态',
  marine: '海洋',
  radiation: '辐射',
  other: '其他',
};

export const SUB_CATEGORY_LABELS: Record<SubCategory, string> = {
  'air.open_burning': '秸秆露天焚烧',
  'air.odor': '臭气异味',
  'air.dust': '扬尘',
  'air.cooking_fume': '餐饮油烟',
  'water.outfall': '入河排污口',
  'water.black_odorous': '黑臭水体',
  'solid_waste.dumping': '非法倾倒',
  'solid_waste.hazardous': '危险废物',
  'noise.construction': '施工噪声',
};

export const CATEGORY_LABELS: Record<string, string> = { ...TOP_CATEGORY_LABELS, ...SUB_CATEGORY_LABELS };

export const STATE_LABELS: Record<CaseState, string> = {
  reported: '待受理',
  pending_dispatch: '待交办',
  assigned: '待签收',
  rectifying: '整改中',
  pending_verification: '待核查',
  closed: '已销号',
  rejected: '不予受理',
  merged: '已合并',
};

export const SOURCE_LABELS: Record<CaseSource, string> = {
  grid_patrol: '网格巡查',
  petition_phone: '信访投诉（来电）',
  petition_letter: '信访投诉（来信）',
  petition_online: '信访投诉（网络）',
  petition_visit: '信访投诉（来访）',
  hotline: '12345 / 12369 热线',
  central_inspection: '中央生态环境保护督察交办',
  provincial_inspection: '省生态环境保护督察交办',
  city_inspection: '市级督查',
  warning_film: '长江经济带警示片',
  monitoring_alert: '在线监测超标预警',
  mobile_monitoring: '走航监测',
  drone: '无人机',
  infrared: '远红外',
  satellite: '卫星遥感火点',
  enterprise_self_check: '企业自巡查',
  enforcement_check: '执法检查（双随机一公开）',
  media: '媒体曝光',
  public: '公众举报',
};

/** The Chinese name of a category, falling back to its top level ('air.x' → 大气). */
export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? CATEGORY_LABELS[category.split('.')[0]] ?? category;
}
