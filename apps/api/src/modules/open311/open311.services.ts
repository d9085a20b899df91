// The GeoReport v2 service list and definitions: one service per category of the loop, with the
// extra questions (attributes) a service asks. Codes are the categories (`air.open_burning`).
import { KNOWN_CATEGORIES, categoryLabel } from '@ecoloop/workflow';

export interface ServiceAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

const SMELL: ServiceAttribute = {
  variable: true,
  code: 'smell',
  datatype: 'singlevaluelist',
  required: false,
  datatype_description: null,
  order: 2,
  description: '是否有明显异味',
  values: [
    { key: 'none', name: '无' },
    { key: 'light', name: '轻微' },
    { key: 'strong', name: '强烈' },
  ],
};

/** The questions of the services that ask any (GET services/{code}). */
const ATTRIBUTES: Record<string, ServiceAttribute[]> = {
  'air.open_burning': [
    {
      variable: true,
      code: 'material',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: '焚烧的是什么',
      values: [
        { key: 'straw', name: '秸秆' },
        { key: 'garbage', name: '生活垃圾' },
        { key: 'industrial', name: '工业废料' },
        { key: 'other', name: '其他' },
      ],
    },
    { ...SMELL, order: 2 },
  ],
  'water.outfall': [
    { variable: true, code: 'color', datatype: 'string', required: false, datatype_description: '如：黑色、黄色、乳白色', order: 1, description: '排水颜色', values: undefined },
    { ...SMELL, order: 2 },
  ],
  'water.black_odorous': [{ ...SMELL, order: 1 }],
  'air.odor': [{ ...SMELL, order: 1, required: true }],
};

export function isService(code: string): boolean {
  return KNOWN_CATEGORIES.includes(code);
}

export function serviceList() {
  return KNOWN_CATEGORIES.map((code) => ({
    service_code: code,
    service_name: categoryLabel(code),
    description: `生态环境问题：${categoryLabel(code)}`,
    metadata: code in ATTRIBUTES,
    type: 'realtime' as const,
    keywords: [categoryLabel(code), ...code.split('.')].join(','),
    group: categoryLabel(code.split('.')[0]),
  }));
}

export function serviceAttributes(code: string): ServiceAttribute[] {
  return ATTRIBUTES[code] ?? [];
}

/**
 * The answers to a service's questions, checked: required ones present, list answers among the
 * keys, numbers numeric; answers to questions the service does not ask are ignored. Returns the problems (empty when fine) and the answers as text for people.
 */
export function checkAttributes(code: string, given: Record<string, string | string[]> | undefined): { problems: string[]; lines: string[] } {
  const problems: string[] = [];
  const lines: string[] = [];
  const known = serviceAttributes(code);
  for (const a of known) {
    const raw = given?.[a.code];
    const values = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map(String);
    if (values.length === 0) {
      if (a.required) problems.push(`attribute[${a.code}]（${a.description}）必填`);
      continue;
    }
    if (a.values) {
      const bad = values.filter((v) => !a.values!.some((x) => x.key === v));
      if (bad.length) problems.push(`attribute[${a.code}] 的取值 ${bad.join(',')} 不在可选项中`);
      if (a.datatype === 'singlevaluelist' && values.length > 1) problems.push(`attribute[${a.code}] 只能选一项`);
      lines.push(`${a.description}：${values.map((v) => a.values!.find((x) => x.key === v)?.name ?? v).join('、')}`);
    } else {
      if (a.datatype === 'number' && values.some((v) => !Number.isFinite(Number(v)))) problems.push(`attribute[${a.code}] 须为数字`);
      lines.push(`${a.description}：${values.join('、')}`);
    }
  }
  return { problems, lines };
}
