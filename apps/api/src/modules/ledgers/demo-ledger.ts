// The demo's central-inspection ledger (DESIGN §8): 23 feedback problems (具体 and 共性, three of them
// led by city departments) handed down to 嘉兴市, imported
// by dispatcher.city 45 days ago and driven since through the real services (machine, CASL, one
// transaction per action) as the demo users, so the ledger shows every stage: signed off, waiting
// for county or city sign-off, rectifying with 序时进展, overdue, not yet signed for, and one row
// whose two counties are at different stages.
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DAY, dateIn, demoActor, demoUsers, existingLedger, madeLedger, morningDaysAgo, uploadDemoPhoto, type DemoLedgerResult } from './demo-ledger-support.js';
import { quarterOf } from './ledger-progress.js';
import type { RawRow } from './ledger-rows.js';
import { LedgersService } from './ledgers.service.js';
import { LedgerLagService } from './ledger-lag.service.js';
import { LedgerSignoffService } from './ledger-signoff.service.js';

export const DEMO_LEDGER_TITLE = '第三轮中央生态环境保护督察反馈问题整改台账';

/** How far a case of the demo ledger has got. */
type Stage = 'assigned' | 'rectifying' | 'overdue' | 'county_check' | 'city_check' | 'closed';

interface DemoRow {
  title: string;
  description: string;
  category: string;
  county: string;
  town?: string;
  leadUnit: string;
  coUnits?: string;
  /** 整改时限, days from now (negative: already passed). */
  dueInDays: number;
  target: string;
  /** One stage for the row, or one per county code. */
  stage: Stage | Record<string, Stage>;
  /** 共性问题 (default 具体问题). */
  common?: boolean;
  /** 整改时限 as written instead of dueInDays (长期坚持). */
  deadline?: string;
  responsibleLeader?: string;
  measures?: string;
}

const ROWS: DemoRow[] = [
  { title: '凤桥镇三星村入河排污口私设暗管偷排', description: '督察组现场检查发现三星村河道边有一处暗管，夜间向河道排放生产废水，周边群众多次信访。', category: 'water.outfall', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', dueInDays: 30, target: '封堵暗管，查处偷排企业，排污口规范化整治并纳入监管', stage: 'closed' },
  { title: '余新镇工业园区雨污混接排口污水直排', description: '余新镇工业园区雨水排口晴天有污水排出，溯源发现多家企业雨污管网混接。', category: 'water.outfall', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', coUnits: '南湖分局', dueInDays: 45, target: '完成园区雨污分流改造，排口晴天无水', stage: 'city_check' },
  { title: '王江泾镇长虹村黑臭水体反弹', description: '长虹村河段已于2024年完成治理，督察发现水体再次发黑发臭，岸边生活垃圾堆积。', category: 'water.black_odorous', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', coUnits: '秀洲分局', dueInDays: 60, target: '截污纳管、清淤疏浚，建立河长巡查长效机制，水质稳定消除黑臭', stage: 'rectifying' },
  { title: '新塍镇南星港黑臭河段整治不到位', description: '南星港部分河段整治工程进度滞后，沿岸仍有污水直排口。', category: 'water.black_odorous', county: '秀洲区', town: '新塍镇', leadUnit: '新塍镇生态办', coUnits: '秀洲分局', dueInDays: 75, target: '完成沿岸排口封堵和河道清淤，消除黑臭', stage: 'assigned' },
  { title: '凤桥镇联丰村建筑工地扬尘污染', description: '联丰村安置房工地裸土未覆盖，运输车辆未冲洗上路，周边道路扬尘严重。', category: 'air.dust', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', dueInDays: -5, target: '落实工地“六个百分百”扬尘防控措施', stage: 'overdue' },
  { title: '余新镇砂石堆场未覆盖扬尘', description: '余新镇沿河砂石码头堆场露天堆放，无喷淋抑尘设施。', category: 'air.dust', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', dueInDays: 20, target: '堆场全封闭或全覆盖，安装喷淋和在线监测', stage: 'closed' },
  { title: '王江泾镇纺织印染企业危废贮存不规范', description: '某印染企业污泥和废包装桶露天堆放，危废仓库未防渗、无标识，台账不全。', category: 'solid_waste.hazardous', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', coUnits: '秀洲分局', dueInDays: 40, target: '规范建设危废仓库，依法处置积存危废，立案查处', stage: 'county_check' },
  { title: '新塍镇机械加工企业废切削液随意倾倒', description: '群众举报某机械加工企业将废切削液倒入厂区雨水井。', category: 'solid_waste.hazardous', county: '秀洲区', town: '新塍镇', leadUnit: '新塍镇生态办', coUnits: '秀洲分局', dueInDays: 50, target: '查清倾倒去向，清理受污染土壤，依法处罚', stage: 'assigned' },
  { title: '南湖区城区餐饮油烟扰民', description: '城区多条美食街餐饮单位油烟净化设施未正常运行，油烟扰民信访集中。', category: 'air.cooking_fume', county: '南湖区', leadUnit: '南湖分局', coUnits: '凤桥镇生态办、余新镇生态办', dueInDays: 60, target: '餐饮单位油烟净化设施安装率、正常运行率达到100%', stage: 'assigned' , common: true },
  { title: '新塍镇夜宵街餐饮油烟直排', description: '新塍镇夜宵街部分烧烤店油烟直排，夜间影响周边居民休息。', category: 'air.cooking_fume', county: '秀洲区', town: '新塍镇', leadUnit: '新塍镇生态办', dueInDays: 35, target: '加装油烟净化设施并定期清洗，建立巡查制度', stage: 'assigned' },
  { title: '凤桥镇秸秆露天焚烧屡禁不止', description: '夏收期间凤桥镇多处农田秸秆露天焚烧，巡查和卫星遥感多次发现火点。', category: 'air.open_burning', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', coUnits: '南湖分局', dueInDays: 15, target: '落实网格化禁烧责任，推进秸秆综合利用，火点“发现即处置”', stage: 'closed' },
  { title: '王江泾镇农田秸秆焚烧', description: '王江泾镇南汇村农田秋收后秸秆焚烧，烟雾影响高速公路通行。', category: 'air.open_burning', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', dueInDays: -3, target: '落实禁烧巡查和秸秆收储利用', stage: 'overdue' },
  { title: '南湖区、秀洲区交界新塍塘沿岸入河排污口', description: '新塍塘两岸共排查出未登记入河排污口27个，分属南湖区凤桥镇和秀洲区王江泾镇。', category: 'water.outfall', county: '南湖区、秀洲区', town: '凤桥镇、王江泾镇', leadUnit: '凤桥镇生态办、王江泾镇生态办', coUnits: '南湖分局、秀洲分局', dueInDays: 90, target: '完成排口溯源、分类整治和“一口一档”建档', stage: { '330402': 'closed', '330411': 'rectifying' } },
  { title: '秀洲区危险废物经营单位超期贮存', description: '辖区一家危险废物经营单位超期、超量贮存，部分危废包装破损。', category: 'solid_waste.hazardous', county: '秀洲区', leadUnit: '秀洲分局', coUnits: '王江泾镇生态办', dueInDays: 100, target: '限期转移处置超期危废，依法查处', stage: 'assigned' , common: true },
  { title: '余新镇畜禽养殖废水直排', description: '余新镇某生猪养殖场沼液未经处理直排入附近沟渠。', category: 'water', county: '南湖区', town: '余新镇', leadUnit: '余新镇生态办', coUnits: '南湖分局', dueInDays: 50, target: '配套建设粪污处理设施，实现资源化利用', stage: 'rectifying' },
  { title: '凤桥镇水蜜桃园区农药包装废弃物随意丢弃', description: '水蜜桃种植园区沟渠边散落大量农药包装瓶袋，未集中回收。', category: 'solid_waste.dumping', county: '南湖区', town: '凤桥镇', leadUnit: '凤桥镇生态办', dueInDays: 40, target: '建立农药包装废弃物回收点，全面清理', stage: 'county_check' },
  { title: '王江泾镇工业固废非法倾倒', description: '王江泾镇一处废弃鱼塘内被倾倒大量工业边角料和建筑垃圾。', category: 'solid_waste.dumping', county: '秀洲区', town: '王江泾镇', leadUnit: '王江泾镇生态办', coUnits: '秀洲分局', dueInDays: 25, target: '清运处置倾倒物，追查倾倒源头', stage: 'closed' },
  { title: '新塍镇小化工企业废气异味扰民', description: '新塍镇某小化工企业生产时有刺鼻异味，周边居民反映强烈。', category: 'air.odor', county: '秀洲区', town: '新塍镇', leadUnit: '新塍镇生态办', coUnits: '秀洲分局', dueInDays: 55, target: '废气收集处理设施提升改造，异味投诉清零', stage: 'assigned' },
  { title: '南湖区渣土运输车辆抛洒扬尘', description: '部分渣土运输车辆未密闭，沿途抛洒滴漏，道路积尘严重。', category: 'air.dust', county: '南湖区', leadUnit: '南湖分局', coUnits: '凤桥镇生态办、余新镇生态办', dueInDays: 70, target: '渣土车全部密闭化改造，实行全过程监管', stage: 'assigned' , common: true },
  { title: '秀洲区黑臭水体长效管护机制不健全', description: '已治理的黑臭水体缺少日常养护和水质监测，存在返黑返臭风险。', category: 'water.black_odorous', county: '秀洲区', town: '王江泾镇、新塍镇', leadUnit: '秀洲分局', coUnits: '王江泾镇生态办、新塍镇生态办', dueInDays: 120, target: '建立“河长+网格”长效管护机制，定期监测评估', stage: 'assigned' , common: true },
  // 共性问题 led by city departments: one city-led case each (全市).
  { title: '全市城镇污水管网雨污混接错接问题突出', description: '督察发现全市老城区和工业园区雨污混接点位多，部分污水处理厂进水浓度偏低，管网排查整治进度滞后于计划。', category: 'water.outfall', county: '全市', leadUnit: '嘉兴市住房和城乡建设局', coUnits: '嘉兴市生态环境局、嘉兴市水利局', dueInDays: 150, deadline: '长期坚持', target: '完成全市雨污混接点位排查并建立问题清单，按年度计划销号，污水处理厂进水浓度稳步提升', stage: 'assigned', common: true, responsibleLeader: '分管副市长', measures: '制定雨污分流三年攻坚方案，按片区排查整改，纳入年度考核' },
  { title: '全市畜禽养殖污染防治监管不到位', description: '部分规模以下养殖场粪污处理设施不配套，沼液还田监管缺失，存在雨天溢流入河现象。', category: 'water', county: '全市', leadUnit: '嘉兴市农业农村局', coUnits: '嘉兴市生态环境局', dueInDays: 120, target: '规模以下养殖场粪污处理设施配套率100%，建立沼液还田台账', stage: 'assigned', common: true, responsibleLeader: '分管副市长', measures: '开展畜禽养殖污染专项整治，落实“一场一策”' },
  { title: '全市建筑工地和渣土运输扬尘管控不严', description: '督察抽查发现多个在建工地扬尘防控“六个百分百”落实不到位，渣土车未密闭运输问题多发，群众投诉集中。', category: 'air.dust', county: '全市', leadUnit: '嘉兴市综合行政执法局', coUnits: '嘉兴市住房和城乡建设局、嘉兴市生态环境局', dueInDays: 90, target: '在建工地扬尘防控措施落实率100%，渣土车全部密闭运输并接入监管平台', stage: 'assigned', common: true, measures: '建立工地扬尘“红黄绿”分级管理，执法、住建联合执法' },
];

/**
 * Creates the demo central-inspection ledger (DESIGN §8) when it is not there yet. Needs the demo
 * organisation (regions, units, users) and the application context (it drives the real services;
 * evidence photos go to STORAGE_DIR). Run it after the other demo cases: it adds cases of its own.
 */
export async function seedDemoLedger(app: INestApplicationContext, opts: { now?: Date } = {}): Promise<DemoLedgerResult> {
  const db = app.get<DataSource>(getDataSourceToken(), { strict: false });
  const found = await existingLedger(db, DEMO_LEDGER_TITLE);
  if (found) return found;

  const ledgers = app.get(LedgersService, { strict: false });
  const now = opts.now ?? new Date();
  const start = morningDaysAgo(now, 45);
  const at = (days: number) => new Date(start.getTime() + days * DAY);

  const { byName, handlerOf, supervisorAt, citySupervisor } = demoUsers(app, db);
  const act = demoActor(app);
  const dispatcher = await byName('dispatcher.city');
  if (!dispatcher) throw new Error('seedDemoLedger needs the demo organisation (dispatcher.city)');
  const ledger = await ledgers.create(
    dispatcher,
    { title: DEMO_LEDGER_TITLE, kind: 'inspection_feedback', source: 'central_inspection', issuer: '中央第三生态环境保护督察组', issuedDate: dateIn(start, -3), dueDate: dateIn(now, 150) },
    { at: start },
  );

  // Handed down in batches on consecutive days (交办批次), each batch driven right after its import,
  // so that the timers of its back-dated deadlines (which fire shortly after creation) find it done.
  const BATCH = 5;
  for (let b = 0; b * BATCH < ROWS.length; b++) {
    const day0 = b; // batch b arrives b days after the first
    const batch = ROWS.slice(b * BATCH, (b + 1) * BATCH);
    const rows: RawRow[] = batch.map((r, k) => {
      const seq = b * BATCH + k + 1;
      return {
        row: k + 3,
        values: {
          seq,
          title: r.title,
          description: r.description,
          category: r.category,
          county: r.county,
          town: r.town,
          leadUnit: r.leadUnit,
          coUnits: r.coUnits,
          deadline: r.deadline ?? dateIn(now, r.dueInDays),
          milestones: r.dueInDays > 30 && !r.deadline ? `${dateIn(start, 30)};${dateIn(now, Math.max(1, r.dueInDays - 15))}` : undefined,
          target: r.target,
          scope: r.common ? '共性问题' : '具体问题',
          responsibleLeader: r.responsibleLeader,
          measures: r.measures,
        },
      };
    });
    await ledgers.importRows(dispatcher, ledger.id, rows, { at: at(day0) });
    const detail = await ledgers.get(dispatcher, ledger.id, now);
    for (const [k, row] of batch.entries()) {
      const item = detail.items.find((i) => i.seq === b * BATCH + k + 1)!;
      const t = (days: number) => at(day0 + days + k * 0.05);
      for (const c of item.cases) {
        const stage = typeof row.stage === 'string' ? row.stage : (row.stage[c.countyCode ?? ''] ?? 'assigned');
        const handler = c.leadUnitId ? await handlerOf(c.leadUnitId) : null;
        if (stage === 'assigned' || !handler) continue;
        await act(handler, c.id, 'sign_for', {}, t(1));
        await act(handler, c.id, 'report_progress', { note: '已制定整改方案，明确责任人和完成时限，正在推进现场整改。' }, t(8));
        if (stage === 'rectifying' || stage === 'overdue') {
          await ledgers.addProgress(handler, ledger.id, item.id, { period: quarterOf(t(10)), note: `${row.target}：已完成前期排查，整改工程量约完成一半。`, percent: 50 }, { at: t(10) });
          continue;
        }
        const evidence = await uploadDemoPhoto(app, handler, '整改后现场照片.png', t(20));
        await act(handler, c.id, 'submit_completion', { measures: `${row.target}，已按整改方案完成，现场照片附后。`, attachmentIds: [evidence] }, t(20));
        if (stage === 'county_check') continue;
        const county = c.countyCode ? await supervisorAt(c.countyCode) : null;
        if (!county) continue;
        await act(county, c.id, 'approve', { comment: '县级现场核查：整改措施落实到位，同意报市级销号。' }, t(23));
        if (stage === 'city_check') continue;
        const city = await citySupervisor();
        if (city) await act(city, c.id, 'approve', { comment: '市级复核通过，同意销号。' }, t(27));
      }
    }
  }
  // 序时: rows that passed their first 序时节点 without progress turn 序时滞后 and get a 督办.
  await app.get(LedgerLagService, { strict: false }).sweep(now, ledger.id);
  // The first row (signed off by the city) is in 公示 after its 验收.
  const first = (await ledgers.get(dispatcher, ledger.id, now)).items.find((i) => i.seq === 1);
  const countyDispatcher = await byName('dispatcher.nanhu');
  if (first?.signedOff && countyDispatcher) {
    const signoffs = app.get(LedgerSignoffService, { strict: false });
    const report = await uploadDemoPhoto(app, countyDispatcher, '验收报告.png', at(42));
    await signoffs.step(countyDispatcher, ledger.id, first.id, { action: 'accept', comment: '南湖区组织验收：暗管已封堵，排污口已规范整治。', attachmentIds: [report] }, at(42));
    await signoffs.step(countyDispatcher, ledger.id, first.id, { action: 'publish', comment: '在南湖区人民政府网站公示' }, at(43));
  }
  return madeLedger(db, ledger.id);
}
