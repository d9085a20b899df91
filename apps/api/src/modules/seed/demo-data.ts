import type { RegionLevel, Role } from '@ecoloop/workflow';

/** DESIGN §8: the demo city, its counties, towns and grids, units and users (password demo1234). */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoRegion {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

const COUNTIES: [string, string][] = [
  ['330402', '南湖区'],
  ['330411', '秀洲区'],
  ['330421', '嘉善县'],
  ['330424', '海盐县'],
  ['330481', '海宁市'],
  ['330482', '平湖市'],
  ['330483', '桐乡市'],
];

const TOWNS: [string, string][] = [
  ['330402101', '凤桥镇'],
  ['330402102', '余新镇'],
  ['330411101', '王江泾镇'],
  ['330411102', '新塍镇'],
];

export const DEMO_REGIONS: DemoRegion[] = [
  { code: '330400', name: '嘉兴市', level: 'city', parentCode: null },
  ...COUNTIES.map(([code, name]) => ({ code, name, level: 'county' as const, parentCode: '330400' })),
  ...TOWNS.map(([code, name]) => ({ code, name, level: 'town' as const, parentCode: code.slice(0, 6) })),
  ...TOWNS.flatMap(([code, name]) =>
    ['001', '002'].map((n, i) => ({ code: `${code}${n}`, name: `${name}第${i === 0 ? '一' : '二'}网格`, level: 'grid' as const, parentCode: code })),
  ),
];

export interface DemoUnit {
  key: string;
  name: string;
  kind: string;
  regionCode: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  { key: 'city', name: '嘉兴市生态环境局', kind: 'bureau', regionCode: '330400' },
  { key: 'nanhu', name: '南湖分局', kind: 'branch_bureau', regionCode: '330402' },
  { key: 'xiuzhou', name: '秀洲分局', kind: 'branch_bureau', regionCode: '330411' },
  { key: 'fengqiao', name: '凤桥镇生态办', kind: 'town_office', regionCode: '330402101' },
  { key: 'yuxin', name: '余新镇生态办', kind: 'town_office', regionCode: '330402102' },
  { key: 'wangjiangjing', name: '王江泾镇生态办', kind: 'town_office', regionCode: '330411101' },
  { key: 'xincheng', name: '新塍镇生态办', kind: 'town_office', regionCode: '330411102' },
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
  { username: 'handler.fengqiao', displayName: '凤桥镇经办人', roles: ['handler'], unitKey: 'fengqiao', regionCode: '330402101' },
  { username: 'handler.yuxin', displayName: '余新镇经办人', roles: ['handler'], unitKey: 'yuxin', regionCode: '330402102' },
  { username: 'handler.wangjiangjing', displayName: '王江泾镇经办人', roles: ['handler'], unitKey: 'wangjiangjing', regionCode: '330411101' },
  { username: 'grid.fengqiao001', displayName: '凤桥镇一网格网格员', roles: ['grid_inspector'], unitKey: 'fengqiao', regionCode: '330402101001' },
  { username: 'grid.wangjiangjing001', displayName: '王江泾镇一网格网格员', roles: ['grid_inspector'], unitKey: 'wangjiangjing', regionCode: '330411101001' },
];

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string;
  address: string;
}

/** Enterprises in the demo towns (credit codes are well-formed but made up). */
export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  { creditCode: '91330402MA28A1B2C3', name: '嘉兴凤桥印染有限公司', regionCode: '330402101', industry: '印染', address: '凤桥镇工业园区1号' },
  { creditCode: '91330402MA28D4E5F6', name: '嘉兴南湖化工有限公司', regionCode: '330402102', industry: '化工', address: '余新镇工业功能区8号' },
  { creditCode: '91330402MA28G7H8J9', name: '嘉兴余新建材有限公司', regionCode: '330402102', industry: '建材', address: '余新镇金星村' },
  { creditCode: '91330411MA28K1L2M3', name: '嘉兴王江泾纺织有限公司', regionCode: '330411101', industry: '纺织', address: '王江泾镇纺织园区' },
  { creditCode: '91330411MA28N4P5Q6', name: '嘉兴新塍电镀有限公司', regionCode: '330411102', industry: '电镀', address: '新塍镇工业区' },
  { creditCode: '91330411MA28R7T8U9', name: '嘉兴秀洲餐饮管理有限公司', regionCode: '330411101', industry: '餐饮', address: '王江泾镇商业街' },
];
