import type { RegionLevel, Role } from '@ecoloop/workflow';
import { CITY, COUNTIES, TOWNS, VILLAGES } from '../regions/data/jiaxing-divisions.js';

/** DESIGN §8: the demo city, its counties, towns and grids, units and users (password demo1234). */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * County-level function zones (功能区). They have no GB/T 2260 code; they take the statistical
 * convention's 71–79 county codes, and their areas below them are the zones' own (片区).
 */
export const FUNCTION_ZONES: DemoRegion[] = [
  { code: '330471', name: '嘉兴经济技术开发区', level: 'county', parentCode: '330400' },
  { code: '330472', name: '嘉兴港区', level: 'county', parentCode: '330400' },
  { code: '330471100', name: '经开区城北片区', level: 'town', parentCode: '330471' },
  { code: '330472100', name: '港区乍浦片区', level: 'town', parentCode: '330472' },
];

/** The demo towns with grids (`<town>001`, `<town>002`): 凤桥镇, 余新镇, 王江泾镇, 新塍镇. */
export const GRID_TOWNS = ['330402100', '330402101', '330411101', '330411104'];
const gridCodes = new Set(GRID_TOWNS.flatMap((t) => [`${t}001`, `${t}002`]));
const townName = new Map(TOWNS.map((t) => [t.code, t.name]));

/**
 * DESIGN §8: 嘉兴市 with every county and town of the dataset, the function zones, the villages of
 * the demo towns and two grids in each. A village whose code a demo grid uses is left out.
 */
export const DEMO_REGIONS: DemoRegion[] = [
  { code: CITY.code, name: CITY.name, level: 'city', parentCode: null },
  ...COUNTIES.map((c) => ({ code: c.code, name: c.name, level: 'county' as const, parentCode: CITY.code })),
  ...FUNCTION_ZONES.filter((z) => z.level === 'county'),
  ...TOWNS.map((t) => ({ code: t.code, name: t.name, level: 'town' as const, parentCode: t.parentCode! })),
  ...FUNCTION_ZONES.filter((z) => z.level === 'town'),
  ...VILLAGES.filter((v) => !gridCodes.has(v.code)).map((v) => ({ code: v.code, name: v.name, level: 'village' as const, parentCode: v.parentCode! })),
  ...GRID_TOWNS.flatMap((t) =>
    ['001', '002'].map((n, i) => ({ code: `${t}${n}`, name: `${townName.get(t)}第${i === 0 ? '一' : '二'}网格`, level: 'grid' as const, parentCode: t })),
  ),
];

/**
 * One town (or area) with its 生态办 and town staff in every county and function zone beyond the
 * four demo towns: [key (the users' suffix), region code, name].
 */
export const OTHER_TOWNS: [string, string, string][] = [
  ['dayun', '330421102', '大云镇'],
  ['shendang', '330424101', '沈荡镇'],
  ['xucun', '330481101', '许村镇'],
  ['xindai', '330482102', '新埭镇'],
  ['wuzhen', '330483100', '乌镇镇'],
  ['jingkai', '330471100', '经开区城北片区'],
  ['gangqu', '330472100', '港区乍浦片区'],
];

/**
 * The county-level bureaus (分局) of the counties and function zones beyond 南湖区 and 秀洲区, with a
 * county dispatcher and supervisor each (`dispatcher.<key>`, `supervisor.<key>`): [key, region code, bureau].
 */
export const OTHER_COUNTIES: [string, string, string][] = [
  ['jiashan', '330421', '嘉善分局'],
  ['haiyan', '330424', '海盐分局'],
  ['haining', '330481', '海宁分局'],
  ['pinghu', '330482', '平湖分局'],
  ['tongxiang', '330483', '桐乡分局'],
  ['kaifaqu', '330471', '经开区分局'],
  ['jiaxinggang', '330472', '港区分局'],
];

/** City departments: [key, name under 嘉兴市, the county branch's name]. */
const CITY_DEPARTMENTS: [string, string, (county: string) => string][] = [
  ['enforcement', '综合行政执法局', (c) => `${c}综合行政执法局`],
  ['housing', '住房和城乡建设局', (c) => `${c}住房和城乡建设局`],
  ['agriculture', '农业农村局', (c) => `${c}农业农村局`],
  ['water', '水利局', (c) => `${c}水利局`],
  ['police', '公安局生态环境犯罪侦查支队', (c) => `嘉兴市公安局${c}分局生态环境犯罪侦查大队`],
];

/** Outside bodies (外部单位) registered at the city. */
const OUTSIDE_BODIES: [string, string][] = [
  ['maritime', '嘉兴海事局'],
  ['weather', '嘉兴市气象局'],
  ['grid-power', '国网嘉兴供电公司'],
  ['sinopec', '中石化嘉兴分公司'],
];

export interface DemoUnit {
  key: string;
  name: string;
  kind: string;
  regionCode: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'city', name: '嘉兴市生态环境局', kind: 'bureau', regionCode: '330400' },
  { key: 'nanhu', name: '南湖分局', kind: 'bureau', regionCode: '330402' },
  { key: 'xiuzhou', name: '秀洲分局', kind: 'bureau', regionCode: '330411' },
  { key: 'fengqiao', name: '凤桥镇生态办', kind: 'town_office', regionCode: '330402100' },
  { key: 'yuxin', name: '余新镇生态办', kind: 'town_office', regionCode: '330402101' },
  { key: 'wangjiangjing', name: '王江泾镇生态办', kind: 'town_office', regionCode: '330411101' },
  { key: 'xincheng', name: '新塍镇生态办', kind: 'town_office', regionCode: '330411104' },
  ...OTHER_TOWNS.map(([key, code, name]) => ({ key, name: `${name}生态办`, kind: 'town_office', regionCode: code })),
  ...OTHER_COUNTIES.map(([key, code, name]) => ({ key: `county-${key}`, name, kind: 'bureau', regionCode: code })),
  // Departments (DESIGN §8, §11) of the city and their county branches; outside bodies of the city.
  ...CITY_DEPARTMENTS.map(([key, name]) => ({ key: `city-${key}`, name: `嘉兴市${name}`, kind: 'department', regionCode: CITY.code })),
  ...COUNTIES.flatMap((c) =>
    CITY_DEPARTMENTS.map(([key, name, countyName]) => ({ key: `${c.code}-${key}`, name: countyName(c.name), kind: 'department', regionCode: c.code })),
  ),
  ...OUTSIDE_BODIES.map(([key, name]) => ({ key, name, kind: 'external', regionCode: CITY.code })),
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  unitKey: string | null;
  regionCode: string;
}

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'], unitKey: 'city', regionCode: '330400' },
  { username: 'dispatcher.city', displayName: '市局调度员', roles: ['dispatcher'], unitKey: 'city', regionCode: '330400' },
  { username: 'supervisor.city', displayName: '市局督查审核员', roles: ['supervisor'], unitKey: 'city', regionCode: '330400' },
  { username: 'leader.city', displayName: '市局领导', roles: ['leader'], unitKey: 'city', regionCode: '330400' },
  { username: 'dispatcher.nanhu', displayName: '南湖分局调度员', roles: ['dispatcher'], unitKey: 'nanhu', regionCode: '330402' },
  { username: 'supervisor.nanhu', displayName: '南湖分局督查审核员', roles: ['supervisor'], unitKey: 'nanhu', regionCode: '330402' },
  { username: 'dispatcher.xiuzhou', displayName: '秀洲分局调度员', roles: ['dispatcher'], unitKey: 'xiuzhou', regionCode: '330411' },
  { username: 'supervisor.xiuzhou', displayName: '秀洲分局督查审核员', roles: ['supervisor'], unitKey: 'xiuzhou', regionCode: '330411' },
  { username: 'dispatcher.fengqiao', displayName: '凤桥镇调度员', roles: ['dispatcher'], unitKey: 'fengqiao', regionCode: '330402100' },
  { username: 'supervisor.fengqiao', displayName: '凤桥镇督查审核员', roles: ['supervisor'], unitKey: 'fengqiao', regionCode: '330402100' },
  ...OTHER_TOWNS.flatMap(([key, code, name]): DemoUser[] => [
    { username: `dispatcher.${key}`, displayName: `${name}调度员`, roles: ['dispatcher'], unitKey: key, regionCode: code },
    { username: `supervisor.${key}`, displayName: `${name}督查审核员`, roles: ['supervisor'], unitKey: key, regionCode: code },
    { username: `handler.${key}`, displayName: `${name}经办人`, roles: ['handler'], unitKey: key, regionCode: code },
  ]),
  ...OTHER_COUNTIES.flatMap(([key, code, name]): DemoUser[] => [
    { username: `dispatcher.${key}`, displayName: `${name}调度员`, roles: ['dispatcher'], unitKey: `county-${key}`, regionCode: code },
    { username: `supervisor.${key}`, displayName: `${name}督查审核员`, roles: ['supervisor'], unitKey: `county-${key}`, regionCode: code },
  ]),
  { username: 'handler.zhifa', displayName: '南湖区综合行政执法局经办人', roles: ['handler'], unitKey: '330402-enforcement', regionCode: '330402' },
  { username: 'handler.haishi', displayName: '嘉兴海事局经办人', roles: ['handler'], unitKey: 'maritime', regionCode: '330400' },
  { username: 'dispatcher.wangjiangjing', displayName: '王江泾镇调度员', roles: ['dispatcher'], unitKey: 'wangjiangjing', regionCode: '330411101' },
  { username: 'supervisor.wangjiangjing', displayName: '王江泾镇督查审核员', roles: ['supervisor'], unitKey: 'wangjiangjing', regionCode: '330411101' },
  { username: 'handler.fengqiao', displayName: '凤桥镇经办人', roles: ['handler'], unitKey: 'fengqiao', regionCode: '330402100' },
  { username: 'handler.yuxin', displayName: '余新镇经办人', roles: ['handler'], unitKey: 'yuxin', regionCode: '330402101' },
  { username: 'handler.wangjiangjing', displayName: '王江泾镇经办人', roles: ['handler'], unitKey: 'wangjiangjing', regionCode: '330411101' },
  { username: 'grid.fengqiao001', displayName: '凤桥镇一网格网格员', roles: ['grid_inspector'], unitKey: 'fengqiao', regionCode: '330402100001' },
  { username: 'grid.wangjiangjing001', displayName: '王江泾镇一网格网格员', roles: ['grid_inspector'], unitKey: 'wangjiangjing', regionCode: '330411101001' },
];

export { DEMO_ENTERPRISES, type DemoEnterprise } from './demo-enterprise-registry.js';
