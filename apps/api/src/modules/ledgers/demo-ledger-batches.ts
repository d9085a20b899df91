// The demo's other ledgers (DESIGN §8): a 边督边改 petition batch handed over by the central
// inspection group (信访件 with short limits), and the 美丽嘉兴 811 task table (专项行动 → 主要任务)
// with quarterly reports from the task units. Created through the services as the demo users, like
// the central-inspection ledger; each is made once (looked up by title).
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DAY, dateIn, demoActor, demoUsers, existingLedger, madeLedger, morningDaysAgo, uploadDemoPhoto, type DemoLedgerResult } from './demo-ledger-support.js';
import { quarterOf } from './ledger-progress.js';
import type { RawRow } from './ledger-rows.js';
import { LedgersService } from './ledgers.service.js';
import { LedgerLagService } from './ledger-lag.service.js';
import { LedgerTasksService, quartersBetween } from './ledger-tasks.service.js';

export const DEMO_PETITION_BATCH_TITLE = '第三轮中央生态环境保护督察边督边改信访件交办台账（第一批）';
export const DEMO_TASK_TABLE_TITLE = '美丽嘉兴“811”生态文明先行示范行动任务清单（2026年度）';


type PetitionStage = 'assigned' | 'rectifying' | 'submitted' | 'closed';

/** 信访件 transferred by the inspection group during the inspection (受理编号 in the title, as bureaus list them). */
const PETITIONS: { title: string; description: string; category: string; county: string; town: string; leadUnit: string; coUnits?: string; days?: number; stage: PetitionStage }[] = [
  { title: 'D330400-001 凤桥镇某木业加工厂喷漆废气扰民', description: '来电反映：凤桥镇某木业加工厂夜间喷漆，刺鼻气味影响周边村民休息，多次反映未解决。', category: 'air.odor', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', stage: 'closed' },
  { title: 'D330400-002 王江泾镇某印染厂夜间偷排废水', description: '来信反映：王江泾镇某印染厂夜间通过厂区雨水管向河道排放有色废水，河水发红。', category: 'water.outfall', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', coUnits: '秀洲分局', days: 7, stage: 'submitted' },
  { title: 'X330400-003 大云镇某生猪养殖场臭气扰民', description: '网上信访：大云镇某生猪养殖场粪污露天堆放，臭气熏天，夏季苍蝇多。', category: 'air.odor', county: '嘉善县', town: '大云镇', leadUnit: '大云镇生态办', stage: 'rectifying' },
  { title: 'D330400-004 沈荡镇河道漂浮垃圾和死鱼', description: '来电反映：沈荡镇某村河道漂浮大量生活垃圾，近日出现死鱼，怀疑上游有企业排污。', category: 'water', county: '海盐县', town: '沈荡镇', leadUnit: '沈荡镇生态办', days: 7, stage: 'closed' },
  { title: 'X330400-005 许村镇经编企业夜间噪声扰民', description: '网上信访：许村镇某经编企业24小时生产，夜间机器噪声严重影响居民休息。', category: 'noise', county: '海宁市', town: '许村镇', leadUnit: '许村镇生态办', stage: 'rectifying' },
  { title: 'D330400-006 新埭镇建筑垃圾倾倒农田', description: '来电反映：新埭镇某村农田内夜间被倾倒大量建筑垃圾，占用耕地。', category: 'solid_waste.dumping', county: '平湖市', town: '新埭镇', leadUnit: '新埭镇生态办', stage: 'assigned' },
  { title: 'D330400-007 乌镇镇老街餐饮店油烟直排', description: '来访反映：乌镇镇老街多家餐饮店油烟未经净化直排，油烟扰民。', category: 'air.cooking_fume', county: '桐乡市', town: '乌镇镇', leadUnit: '乌镇镇生态办', days: 10, stage: 'rectifying' },
  { title: 'X330400-008 余新镇砂石码头粉尘污染', description: '网上信访：余新镇沿河砂石码头装卸作业无抑尘措施，粉尘飘到居民家中。', category: 'air.dust', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', stage: 'assigned' },
];

/** 811 专项行动 with their lead office and 主要任务 (the first listed unit leads). */
const ACTIONS: { title: string; lead: string; tasks: { title: string; category: string; county: string; town?: string; leadUnit: string; coUnits?: string; target: string; /** Reported percent per past quarter (oldest first), then the current quarter's (null: not yet). */ reports: (number | null)[] }[] }[] = [
  {
    title: '水环境质量提升专项行动',
    lead: '嘉兴市生态环境局',
    tasks: [
      { title: '凤桥镇全域“污水零直排区”建设提标', category: 'water.outfall', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', target: '完成12个村截污纳管提标和86家企业雨污分流改造', reports: [30, 55] },
      { title: '王江泾镇长虹村等河道清淤疏浚和生态修复', category: 'water.black_odorous', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', coUnits: '秀洲分局', target: '清淤河道18公里，断面水质稳定达到Ⅲ类', reports: [25, null] },
      { title: '大云镇农村生活污水处理设施标准化运维', category: 'water', county: '嘉善县', town: '大云镇', leadUnit: '大云镇生态办', target: '农村生活污水处理设施出水达标率95%以上', reports: [40, 70] },
    ],
  },
  {
    title: '大气污染防治攻坚专项行动',
    lead: '嘉兴市生态环境局',
    tasks: [
      { title: '余新镇建筑工地和砂石堆场扬尘精细化治理', category: 'air.dust', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', coUnits: '南湖分局', target: '在建工地“六个百分百”落实率100%，堆场全封闭', reports: [35, null] },
      { title: '许村镇经编印染行业VOCs深度治理', category: 'air.odor', county: '海宁市', town: '许村镇', leadUnit: '许村镇生态办', target: '完成42家企业废气收集处理设施提升改造', reports: [20, 45] },
    ],
  },
  {
    title: '固体废物“无废城市”建设专项行动',
    lead: '嘉兴市生态环境局',
    tasks: [
      { title: '新埭镇小微企业危险废物统一收运体系建设', category: 'solid_waste.hazardous', county: '平湖市', town: '新埭镇', leadUnit: '新埭镇生态办', target: '小微产废企业危废统一收运覆盖率100%', reports: [50, null] },
      { title: '沈荡镇建筑垃圾和工业固废规范化处置', category: 'solid_waste.dumping', county: '海盐县', town: '沈荡镇', leadUnit: '沈荡镇生态办', target: '建成建筑垃圾资源化利用点1处，非法倾倒问题动态清零', reports: [30, 60] },
    ],
  },
  {
    title: '城乡人居环境品质提升专项行动',
    lead: '嘉兴市住房和城乡建设局',
    tasks: [
      { title: '乌镇镇景区周边餐饮油烟和噪声综合整治', category: 'air.cooking_fume', county: '桐乡市', town: '乌镇镇', leadUnit: '乌镇镇生态办', target: '景区周边餐饮单位油烟净化设施安装运行率100%', reports: [45, 80] },
      { title: '港区乍浦片区港口码头粉尘和船舶污染防治', category: 'air.dust', county: '嘉兴港区', town: '港区乍浦片区', leadUnit: '港区乍浦片区生态办', coUnits: '嘉兴海事局', target: '码头堆场全封闭、岸电使用率稳步提升', reports: [10, null] },
    ],
  },
];

/**
 * 边督边改: eight 信访件 the inspection group handed over ten days ago, most with the default
 * 15-day limit and some with 7 or 10 days; two closed, one waiting for verification, three
 * rectifying and two not yet signed for.
 */
export async function seedDemoPetitionBatch(app: INestApplicationContext, opts: { now?: Date } = {}): Promise<DemoLedgerResult> {
  const db = app.get<DataSource>(getDataSourceToken(), { strict: false });
  const found = await existingLedger(db, DEMO_PETITION_BATCH_TITLE);
  if (found) return found;
  const ledgers = app.get(LedgersService, { strict: false });
  const users = demoUsers(app, db);
  const act = demoActor(app);
  const now = opts.now ?? new Date();
  const start = morningDaysAgo(now, 10);
  const t = (days: number, k: number) => new Date(start.getTime() + days * DAY + k * 600_000);
  const dispatcher = await users.byName('dispatcher.city');
  if (!dispatcher) throw new Error('seedDemoPetitionBatch needs the demo organisation (dispatcher.city)');
  const ledger = await ledgers.create(
    dispatcher,
    { title: DEMO_PETITION_BATCH_TITLE, kind: 'petition_batch', source: 'central_inspection', issuer: '中央第三生态环境保护督察组', issuedDate: dateIn(start, 0), dueDate: dateIn(start, 30) },
    { at: start },
  );
  const rows: RawRow[] = PETITIONS.map((p, i) => ({
    row: i + 3,
    values: { seq: i + 1, title: p.title, description: p.description, category: p.category, county: p.county, town: p.town, leadUnit: p.leadUnit, coUnits: p.coUnits, deadline: p.days ? dateIn(start, p.days) : undefined },
  }));
  await ledgers.importRows(dispatcher, ledger.id, rows, { at: t(0, 1) });
  const detail = await ledgers.get(dispatcher, ledger.id, now);
  for (const [k, p] of PETITIONS.entries()) {
    const c = detail.items[k].cases[0];
    const handler = c.leadUnitId ? await users.handlerOf(c.leadUnitId) : null;
    if (p.stage === 'assigned' || !handler) continue;
    await act(handler, c.id, 'sign_for', {}, t(0.2, k));
    await act(handler, c.id, 'report_progress', { note: '已现场核查，信访反映问题属实，已责令立即整改。' }, t(1, k));
    if (p.stage === 'rectifying') continue;
    const photo = await uploadDemoPhoto(app, handler, '整改后现场照片.png', t(4, k));
    await act(handler, c.id, 'submit_completion', { measures: '问题已整改到位，现场照片附后，已向信访人反馈。', attachmentIds: [photo] }, t(4, k));
    if (p.stage === 'submitted') continue;
    const county = c.countyCode ? await users.supervisorAt(c.countyCode) : null;
    if (!county) continue;
    await act(county, c.id, 'approve', { comment: '县级现场核查：问题已解决，信访人表示满意。' }, t(5, k));
    const city = await users.citySupervisor();
    if (city) await act(city, c.id, 'approve', { comment: '市级复核通过，同意办结。' }, t(6, k));
  }
  return madeLedger(db, ledger.id);
}

/**
 * The 811 task table: four 专项行动 with nine 主要任务 across the counties, imported about a hundred
 * days ago and signed for by the town offices; each task unit reported on every past quarter, and
 * five of nine on the current one (the others show as not reported). Tasks whose progress falls
 * behind their milestone turn 序时滞后.
 */
export async function seedDemoTaskTable(app: INestApplicationContext, opts: { now?: Date } = {}): Promise<DemoLedgerResult> {
  const db = app.get<DataSource>(getDataSourceToken(), { strict: false });
  const found = await existingLedger(db, DEMO_TASK_TABLE_TITLE);
  if (found) return found;
  const ledgers = app.get(LedgersService, { strict: false });
  const tasks = app.get(LedgerTasksService, { strict: false });
  const users = demoUsers(app, db);
  const act = demoActor(app);
  const now = opts.now ?? new Date();
  const start = morningDaysAgo(now, 100);
  const dispatcher = await users.byName('dispatcher.city');
  if (!dispatcher) throw new Error('seedDemoTaskTable needs the demo organisation (dispatcher.city)');
  const ledger = await ledgers.create(
    dispatcher,
    { title: DEMO_TASK_TABLE_TITLE, kind: 'task_plan', source: 'city_inspection', issuer: '嘉兴市美丽嘉兴建设领导小组办公室', issuedDate: dateIn(start, 0), dueDate: dateIn(now, 240) },
    { at: start },
  );
  const rows: RawRow[] = [];
  for (const a of ACTIONS) {
    a.tasks.forEach((task, i) => {
      const seq = rows.length + 1;
      rows.push({
        row: seq + 2,
        values: {
          seq,
          action: a.title,
          actionLeadUnit: i === 0 ? a.lead : undefined,
          title: task.title,
          category: task.category,
          county: task.county,
          town: task.town,
          leadUnit: task.leadUnit,
          coUnits: task.coUnits,
          deadline: dateIn(now, 200),
          milestones: `${dateIn(start, 60)} 20%;${dateIn(now, 60)} 70%;${dateIn(now, 200)} 100%`,
          target: task.target,
          rectifyType: '限期整改',
        },
      });
    });
  }
  await ledgers.importRows(dispatcher, ledger.id, rows, { at: new Date(start.getTime() + 3600_000) });
  const detail = await ledgers.get(dispatcher, ledger.id, now);
  const current = quarterOf(new Date(now.getTime() - 60_000));
  const past = quartersBetween(quarterOf(start), current).slice(0, -1);
  const flat = ACTIONS.flatMap((a) => a.tasks);
  for (const [k, task] of flat.entries()) {
    const item = detail.items[k];
    const c = item.cases[0];
    const handler = c?.leadUnitId ? await users.handlerOf(c.leadUnitId) : null;
    if (!handler) continue;
    await act(handler, c.id, 'sign_for', {}, new Date(start.getTime() + 5 * 3600_000 + k * 600_000));
    // One report per past quarter (filed near its end), then the current quarter's when there is one.
    const plan = task.reports;
    for (const [qi, quarter] of past.entries()) {
      const percent = plan[Math.min(qi, plan.length - 2)] ?? plan[0];
      const at = new Date(Math.max(quarterEnd(quarter).getTime() - 3 * DAY, start.getTime() + DAY) + k * 600_000);
      await tasks.report(handler, ledger.id, item.id, { quarter, note: progressNote(task.title, percent ?? 0), percent: percent ?? 0 }, { at });
    }
    const now_ = plan[plan.length - 1];
    if (now_ !== null && now_ !== undefined) {
      await tasks.report(handler, ledger.id, item.id, { quarter: current, note: progressNote(task.title, now_), percent: now_ }, { at: new Date(now.getTime() - 60_000 - k * 1000) });
    }
  }
  await app.get(LedgerLagService, { strict: false }).sweep(now, ledger.id);
  return madeLedger(db, ledger.id);
}

/** The first moment after a quarter (YYYY-Qn), Asia/Shanghai. */
function quarterEnd(quarter: string): Date {
  const y = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return new Date(Date.UTC(q === 4 ? y + 1 : y, q === 4 ? 0 : q * 3, 1) - 8 * 3600_000);
}

function progressNote(title: string, percent: number): string {
  if (percent >= 70) return `${title}：主体工程基本完成，正在开展扫尾和长效管护机制建设，累计完成${percent}%。`;
  if (percent >= 40) return `${title}：已完成方案编制和项目招投标，工程全面施工，累计完成${percent}%。`;
  return `${title}：已完成现状排查和实施方案编制，部分点位开工建设，累计完成${percent}%。`;
}
