import type { CaseSource } from '@ecoloop/workflow';

/** How a county-level area works (DESIGN §8 "a bureau's real year"): volume, discovery and discipline. */
export interface Profile {
  /** New cases a month. */
  perMonth: [number, number];
  /** Share found by the area itself (grid patrol, monitoring, self-inspection…). */
  selfShare: number;
  /** Chance an outside-found case is major (each raises the month's warning one level). */
  externalMajor: number;
  /** Hours to accept / dispatch / sign for (slow areas miss the 交办 and 签收 clocks). */
  respondHours: [number, number];
  /** Days of rectification (slow areas miss the 整改 clock). */
  rectifyDays: [number, number];
  /** Chance a completion is sent back once (返工). */
  rework: number;
  /** Chance a follow-up review finds a relapse (反弹). */
  relapse: number;
}

export interface HistoryTown {
  code: string;
  /** Suffix of the town's dispatcher and supervisor, when it has them. */
  staff: string | null;
  unit: string;
  handler: string;
  /** Grid code and its inspector, when the town has one. */
  grid?: [string, string];
  villages: string[];
  lng: number;
  lat: number;
}

export interface Area {
  code: string;
  name: string;
  /** Suffix of the county dispatcher and supervisor. */
  staff: string;
  towns: HistoryTown[];
  profile: Profile;
  /** Months ago (0 = this month) with no case reported at all: the warning is no_data. */
  quietMonth?: number;
  /** Departments of the county that join as co-units. */
  coUnits: string[];
}

export const GOOD: Profile = { perMonth: [7, 11], selfShare: 0.85, externalMajor: 0, respondHours: [1, 12], rectifyDays: [3, 9], rework: 0.06, relapse: 0.05 };
export const FAIR: Profile = { perMonth: [6, 10], selfShare: 0.62, externalMajor: 0.04, respondHours: [4, 30], rectifyDays: [5, 16], rework: 0.15, relapse: 0.15 };
export const POOR: Profile = { perMonth: [8, 13], selfShare: 0.25, externalMajor: 0.3, respondHours: [30, 90], rectifyDays: [14, 40], rework: 0.35, relapse: 0.4 };

/** The seven counties and two function zones, one profile each: 嘉善县 is clearly the worst. */
export const HISTORY_AREAS: Area[] = [
  {
    code: '330402', name: '南湖区', staff: 'nanhu', profile: GOOD, coUnits: ['南湖区综合行政执法局', '南湖区住房和城乡建设局'],
    towns: [
      { code: '330402100', staff: 'fengqiao', unit: '凤桥镇生态办', handler: 'handler.fengqiao', grid: ['330402100001', 'grid.fengqiao001'], villages: ['三星村', '永红村', '联丰村', '新篁村'], lng: 120.86, lat: 30.68 },
      { code: '330402101', staff: null, unit: '余新镇生态办', handler: 'handler.yuxin', villages: ['金星村', '余北村', '曙光村'], lng: 120.9, lat: 30.75 },
    ],
  },
  {
    code: '330411', name: '秀洲区', staff: 'xiuzhou', profile: FAIR, coUnits: ['秀洲区水利局', '秀洲区农业农村局'],
    towns: [{ code: '330411101', staff: 'wangjiangjing', unit: '王江泾镇生态办', handler: 'handler.wangjiangjing', grid: ['330411101001', 'grid.wangjiangjing001'], villages: ['民主村', '虹桥村', '南汇村'], lng: 120.71, lat: 30.88 }],
  },
  {
    code: '330421', name: '嘉善县', staff: 'jiashan', profile: POOR, coUnits: ['嘉善县综合行政执法局', '嘉兴市公安局嘉善县分局生态环境犯罪侦查大队'],
    towns: [{ code: '330421102', staff: 'dayun', unit: '大云镇生态办', handler: 'handler.dayun', villages: ['缪家村', '曹家村', '东云村', '大云村'], lng: 120.97, lat: 30.82 }],
  },
  {
    code: '330424', name: '海盐县', staff: 'haiyan', profile: FAIR, quietMonth: 1, coUnits: ['海盐县水利局'],
    towns: [{ code: '330424101', staff: 'shendang', unit: '沈荡镇生态办', handler: 'handler.shendang', villages: ['五圣村', '齐家村', '白洋村'], lng: 120.87, lat: 30.46 }],
  },
  {
    code: '330481', name: '海宁市', staff: 'haining', profile: GOOD, coUnits: ['海宁市住房和城乡建设局'],
    towns: [{ code: '330481101', staff: 'xucun', unit: '许村镇生态办', handler: 'handler.xucun', villages: ['许巷村', '永福村', '荡湾村'], lng: 120.38, lat: 30.42 }],
  },
  {
    code: '330482', name: '平湖市', staff: 'pinghu', profile: { ...FAIR, selfShare: 0.5, externalMajor: 0.1, respondHours: [12, 50] }, coUnits: ['平湖市农业农村局'],
    towns: [{ code: '330482102', staff: 'xindai', unit: '新埭镇生态办', handler: 'handler.xindai', villages: ['鱼圻塘村', '泖口村', '星火村'], lng: 121.08, lat: 30.78 }],
  },
  {
    code: '330483', name: '桐乡市', staff: 'tongxiang', profile: GOOD, coUnits: ['桐乡市综合行政执法局'],
    towns: [{ code: '330483100', staff: 'wuzhen', unit: '乌镇镇生态办', handler: 'handler.wuzhen', villages: ['陈庄村', '民合村', '浮澜桥村'], lng: 120.49, lat: 30.74 }],
  },
  {
    code: '330471', name: '嘉兴经济技术开发区', staff: 'kaifaqu', profile: { ...GOOD, perMonth: [3, 6], selfShare: 0.7 }, coUnits: [],
    towns: [{ code: '330471100', staff: 'jingkai', unit: '经开区城北片区生态办', handler: 'handler.jingkai', villages: ['城北路', '昌盛路', '长水路'], lng: 120.76, lat: 30.78 }],
  },
  {
    code: '330472', name: '嘉兴港区', staff: 'jiaxinggang', profile: { ...FAIR, perMonth: [3, 6] }, coUnits: ['嘉兴海事局'],
    towns: [{ code: '330472100', staff: 'gangqu', unit: '港区乍浦片区生态办', handler: 'handler.gangqu', villages: ['乍浦港作业区', '雅山村', '平海路'], lng: 121.09, lat: 30.6 }],
  },
];

/** Sources found by the area itself, and from outside (GLOSSARY 自主发现 / 外部发现), weighted. */
export const SELF_SOURCES: CaseSource[] = ['grid_patrol', 'grid_patrol', 'grid_patrol', 'monitoring_alert', 'mobile_monitoring', 'drone', 'infrared', 'satellite', 'enterprise_self_check', 'enforcement_check'];
export const OUTSIDE_SOURCES: CaseSource[] = ['hotline', 'hotline', 'petition_letter', 'petition_visit', 'petition_online', 'petition_phone', 'public', 'city_inspection', 'provincial_inspection', 'central_inspection', 'warning_film', 'media'];
export const PUBLIC_SOURCES: CaseSource[] = ['hotline', 'petition_letter', 'petition_visit', 'petition_online', 'petition_phone', 'public'];

/** Problems particular to a source (how that channel finds them); the rest come from PROBLEMS. */
export const BY_SOURCE: Partial<Record<CaseSource, { category: string; title: string; description: string }[]>> = {
  monitoring_alert: [{ category: 'air', title: '{place}企业废气在线监测数据超标', description: '在线监测显示{place}某企业排口颗粒物小时均值连续超标，需核查治理设施运行情况。' }],
  mobile_monitoring: [{ category: 'air.odor', title: '走航监测发现{place}VOCs浓度高值', description: '走航车途经{place}时VOCs浓度明显升高，疑似周边企业无组织排放。' }],
  infrared: [{ category: 'water.outfall', title: '远红外监测发现{place}夜间温排水异常', description: '远红外热成像显示{place}河段夜间有高温水体排入，疑似企业偷排。' }],
  satellite: [{ category: 'air.open_burning', title: '卫星遥感发现{place}疑似焚烧火点', description: '卫星遥感在{place}识别到疑似火点，需现场核查是否存在露天焚烧。' }],
  drone: [{ category: 'solid_waste.dumping', title: '无人机巡查发现{place}固废堆放', description: '无人机航拍发现{place}河岸空地有大面积固废堆放，需核实来源。' }],
  enterprise_self_check: [{ category: 'water.outfall', title: '{place}企业自巡查发现雨水排口异常', description: '企业自巡查发现厂区雨水排口有浑浊水流出，已自行封堵并报告。' }],
  warning_film: [{ category: 'water.black_odorous', title: '警示片曝光{place}河道黑臭问题', description: '省生态环境警示片曝光{place}河道水体黑臭、沿岸垃圾堆积问题。' }],
  provincial_inspection: [{ category: 'solid_waste.hazardous', title: '省督察交办{place}危废非法贮存问题', description: '省生态环境保护督察组交办：{place}某企业危险废物长期露天堆放，未规范贮存。' }],
  central_inspection: [{ category: 'water.outfall', title: '中央督察交办{place}入河排污口整治不到位', description: '中央生态环境保护督察交办：{place}入河排污口排查整治不到位，污水直排。' }],
  media: [{ category: 'air.dust', title: '媒体曝光{place}工地扬尘严重', description: '本地媒体报道{place}多个工地扬尘污染严重，群众反映强烈。' }],
};
export const MARINE = { category: 'marine', title: '{place}水域船舶油污', description: '{place}码头附近水面出现油膜，疑似靠港船舶违规排放含油污水。' };

/** Leaders' 批示 on the worst county's open cases (DESIGN §13). */
export const INSTRUCTION = '请嘉善县政府主要领导亲自过问，举一反三，限期整改到位并报市局。';
