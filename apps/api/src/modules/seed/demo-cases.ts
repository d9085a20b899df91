import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isDrawnForSpotCheck, type CaseAction, type CaseSource, type CaseState, type Severity } from '@ecoloop/workflow';
import { AppConfig } from '../../core/config/app-config.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { UserContextService } from '../../core/auth/user-context.service.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { CasesService } from '../cases/cases.service.js';
import { DEMO_ENTERPRISES } from './demo-data.js';
import { demoPhoto } from './demo-photo.js';

/** The problems the seeds' bureaus deal with, by category (titles and descriptions in Chinese). */
export const PROBLEMS: { category: string; title: string; description: string; major?: boolean }[] = [
  { category: 'air.open_burning', title: '{place}田间秸秆露天焚烧', description: '巡查发现{place}农田内有成堆秸秆正在焚烧，浓烟飘向村庄，现场无人看管。' },
  { category: 'air.open_burning', title: '{place}沿河绿化带焚烧垃圾', description: '{place}河岸绿化带内有人焚烧枯枝和生活垃圾，烟雾较大。' },
  { category: 'water.outfall', title: '{place}入河排污口疑似偷排', description: '{place}河道入河排污口有浑浊污水排出，水面可见泡沫，周边有异味。', major: true },
  { category: 'water.outfall', title: '{place}雨水管网混接污水直排', description: '{place}雨水排口晴天仍有污水流出，疑似沿街商户污水管混接。' },
  { category: 'water.black_odorous', title: '{place}河段水体发黑发臭', description: '{place}河段水体呈黑色，散发明显臭味，岸边有垃圾堆积。', major: true },
  { category: 'air.dust', title: '{place}建筑工地扬尘未覆盖', description: '{place}在建工地裸土未覆盖，车辆进出未冲洗，道路扬尘明显。' },
  { category: 'air.dust', title: '{place}砂石堆场露天堆放', description: '{place}砂石堆场露天堆放且无喷淋设施，大风天气扬尘严重。' },
  { category: 'air.cooking_fume', title: '{place}餐饮店油烟直排', description: '{place}沿街餐饮店未安装油烟净化设施，油烟直排影响楼上居民。' },
  { category: 'solid_waste.hazardous', title: '{place}企业危废贮存不规范', description: '{place}某企业危险废物露天堆放，未设置标识和防渗措施。', major: true },
  { category: 'solid_waste.dumping', title: '{place}空地非法倾倒建筑垃圾', description: '{place}村道旁空地被倾倒大量建筑垃圾和装修垃圾。' },
  { category: 'air.odor', title: '{place}夜间异味扰民', description: '群众反映{place}附近夜间有刺鼻化工异味，持续多日。' },
  { category: 'noise.construction', title: '{place}工地夜间施工噪声', description: '{place}工地夜间22点后仍在施工，噪声扰民。' },
];

export interface Town {
  code: string;
  county: string;
  countyName: string;
  /** Suffix of the town's own dispatcher and supervisor (§11), when it has them. */
  staff: string | null;
  unit: string;
  handler: string | null;
  villages: string[];
  lng: number;
  lat: number;
}

export const TOWNS: Town[] = [
  { code: '330402100', county: 'nanhu', countyName: '南湖区', staff: 'fengqiao', unit: '凤桥镇生态办', handler: 'handler.fengqiao', villages: ['三星村', '永红村', '联丰村', '新篁村'], lng: 120.86, lat: 30.68 },
  { code: '330402101', county: 'nanhu', countyName: '南湖区', staff: null, unit: '余新镇生态办', handler: 'handler.yuxin', villages: ['金星村', '余北村', '曙光村'], lng: 120.9, lat: 30.75 },
  { code: '330411101', county: 'xiuzhou', countyName: '秀洲区', staff: 'wangjiangjing', unit: '王江泾镇生态办', handler: 'handler.wangjiangjing', villages: ['民主村', '虹桥村', '南汇村'], lng: 120.71, lat: 30.88 },
  { code: '330411104', county: 'xiuzhou', countyName: '秀洲区', staff: null, unit: '新塍镇生态办', handler: null, villages: ['洛东村', '南湖村', '火炬村'], lng: 120.62, lat: 30.81 },
];

const GRID_REPORTERS: Record<string, string> = { '330402100001': 'grid.fengqiao001', '330411101001': 'grid.wangjiangjing001' };
const OTHER_SOURCES: CaseSource[] = ['hotline', 'petition_online', 'petition_phone', 'drone', 'monitoring_alert', 'enforcement_check', 'media', 'city_inspection'];
/** Problems of these kinds are attributed to an enterprise of the town, when it has one. */
const ENTERPRISE_CATEGORIES = ['water.outfall', 'solid_waste.hazardous', 'air.odor', 'air.cooking_fume'];
/** Departments that join a dispatch as co-units, by problem (DESIGN §11): the county's branch. */
const CO_UNITS: Record<string, (county: string) => string> = {
  'air.dust': (c) => `${c}住房和城乡建设局`,
  'noise.construction': (c) => `${c}住房和城乡建设局`,
  'air.open_burning': (c) => `${c}综合行政执法局`,
  'air.cooking_fume': (c) => `${c}综合行政执法局`,
  'water.black_odorous': (c) => `${c}水利局`,
  'solid_waste.hazardous': (c) => `嘉兴市公安局${c}分局生态环境犯罪侦查大队`,
  'solid_waste.dumping': (c) => `${c}农业农村局`,
};
const PUBLIC_NAMES = ['张先生', '李女士', '王先生', '陈女士', '赵先生', '周女士'];

/** Target end states and their share of the demo cases. */
const TARGETS: [CaseState | 'resolved_on_spot', number][] = [
  ['reported', 8],
  ['pending_dispatch', 8],
  ['assigned', 10],
  ['rectifying', 24],
  ['pending_verification', 12],
  ['closed', 28],
  ['resolved_on_spot', 4],
  ['rejected', 4],
  ['merged', 2],
];

/** A small deterministic generator, so every fresh demo database looks the same. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
  };
}

/**
 * A few hundred realistic cases in every state, made by driving the real services (machine, CASL,
 * one transaction per action) as the demo users, at past times, so every history is a valid chain.
 */
@Injectable()
export class DemoCasesSeeder {
  private readonly logger = new Logger(DemoCasesSeeder.name);
  private users = new Map<string, RequestUser>();
  private photoSha: string[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly userContext: UserContextService,
    private readonly config: AppConfig,
  ) {}

  async seedIfEmpty(count = 300): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM "case"`);
    if (n > 0) return 0;
    const storage = new AttachmentStorage(this.config.storageDir);
    this.photoSha = [await storage.storeBuffer(demoPhoto(160, 120, 0)), await storage.storeBuffer(demoPhoto(160, 120, 60))];
    const r = rng(20261123);
    const now = Date.now();
    const weights = TARGETS.flatMap(([state, w]) => Array(w).fill(state) as (CaseState | 'resolved_on_spot')[]);
    const openByCounty = new Map<string, string[]>();
    let made = 0;
    for (let i = 0; i < count; i++) {
      const town = r.pick(TOWNS);
      const grid = `${town.code}00${r.int(1, 2)}`;
      let target = r.pick(weights);
      if (!town.handler && ['rectifying', 'pending_verification', 'closed'].includes(target)) target = 'assigned';
      const problem = r.pick(PROBLEMS);
      const place = `${r.pick(town.villages)}`;
      const gridReporter = GRID_REPORTERS[grid];
      const source: CaseSource = gridReporter && r.chance(0.8) ? 'grid_patrol' : r.pick(OTHER_SOURCES);
      if (target === 'resolved_on_spot' && source !== 'grid_patrol') target = 'pending_dispatch';
      const severity: Severity = problem.major && r.chance(0.6) ? 'major' : 'general';
      // Only general cases are resolved on the spot.
      if (target === 'resolved_on_spot' && severity === 'major') target = 'pending_dispatch';
      const reporter = source === 'grid_patrol' ? gridReporter : `dispatcher.${town.county}`;
      const publicReport = ['hotline', 'petition_online', 'petition_phone'].includes(source);
      // Young cases are still open, old ones are mostly finished: ages follow the target state.
      const ageDays = ['reported', 'pending_dispatch', 'assigned', 'pending_verification'].includes(target) ? r.int(0, 1) : target === 'rectifying' ? r.int(2, 14) : r.int(10, 80);
      let at = now - ageDays * 86_400_000 - r.int(1, 8) * 3_600_000;
      const step = (hours: number) => (at = Math.min(at + hours * 3_600_000, now - 60_000));

      let c = (
        await this.cases.create(
          await this.user(reporter),
          {
            title: problem.title.replace('{place}', place),
            description: problem.description.replace('{place}', place),
            category: problem.category,
            source,
            severity,
            regionCode: grid,
            lat: Number((town.lat + (r.next() - 0.5) * 0.05).toFixed(5)),
            lng: Number((town.lng + (r.next() - 0.5) * 0.05).toFixed(5)),
            address: `${place}${r.int(1, 120)}号附近`,
            enterpriseCreditCode: ENTERPRISE_CATEGORIES.includes(problem.category) ? DEMO_ENTERPRISES.find((e) => e.regionCode === town.code)?.creditCode : undefined,
            ...(publicReport ? { reporterName: r.pick(PUBLIC_NAMES), reporterPhone: `139${r.int(10000000, 99999999)}` } : {}),
            attachmentIds: source === 'grid_patrol' ? [await this.photo(reporter)] : [],
          },
          undefined,
          { at: new Date(at) },
        )
      ).case;

      const act = async (username: string, action: CaseAction, payload: Record<string, unknown> = {}, hours = r.int(1, 30)) => {
        step(hours);
        c = await this.cases.act(await this.user(username), c.id, action, { expectedVersion: c.version, ...payload } as never, { at: new Date(at) });
      };
      // A case the town owns is dispatched by the town when it has its own dispatcher (§11).
      const dispatcher = c.ownerLevel === 'town' && town.staff ? `dispatcher.${town.staff}` : `dispatcher.${town.county}`;
      const countySupervisor = `supervisor.${town.county}`;
      /** Every sign-off step now due, each by the supervisor of its level. */
      const signOff = async (comment: string) => {
        while (c.state === 'pending_verification') {
          const level = c.signoffSteps[c.signoffIndex];
          const who = level === 'town' ? `supervisor.${town.staff}` : level === 'city' ? 'supervisor.city' : countySupervisor;
          await act(who, 'approve', { comment: level === 'city' ? '市级复核通过，同意销号' : comment });
        }
      };
      const supervisor = c.signoffSteps[0] === 'town' ? `supervisor.${town.staff}` : countySupervisor;
      const unitId = await this.unitId(town.unit);
      const coUnit = CO_UNITS[problem.category] as ((county: string) => string) | undefined;
      const coUnitIds = coUnit && r.chance(0.5) ? [await this.unitId(coUnit(town.countyName))] : undefined;

      if (target === 'resolved_on_spot') {
        await act(reporter, 'resolve_on_spot', { attachmentIds: [await this.photo(reporter, 1)] }, 1);
        if (r.chance(0.6)) await signOff('现场核查已整改到位，同意销号');
      } else if (target === 'rejected') {
        await act(dispatcher, 'reject', { reason: '经核实不属于生态环境部门职责，已告知来电人转住建部门' });
      } else if (target === 'merged') {
        const open = openByCounty.get(town.county)?.[0];
        // Merged into an open case of the county, by the county (a town sees only its own).
        if (open) await act(`dispatcher.${town.county}`, 'merge', { targetCaseId: open });
        else await act(dispatcher, 'accept');
      } else if (target !== 'reported') {
        if (r.chance(0.5) || target === 'pending_dispatch') await act(dispatcher, 'accept', {}, r.int(1, 6));
        if (target === 'pending_dispatch' && r.chance(0.15)) await act(dispatcher, 'escalate', { reason: '涉及跨区域流域污染，需市级统筹' });
        if (target !== 'pending_dispatch') {
          await act(dispatcher, 'dispatch', { leadUnitId: unitId, ...(coUnitIds ? { coUnitIds } : {}) }, r.int(1, 20));
          if (target !== 'assigned') {
            const handler = town.handler!;
            await act(handler, 'sign_for', {}, r.int(1, 8));
            if (r.chance(0.6)) await act(handler, 'report_progress', { note: '已现场核查，制定整改方案，正在组织整改' });
            if (target === 'rectifying' && r.chance(0.2)) {
              await act(handler, 'request_extension', { newDueAt: new Date(now + 20 * 86_400_000).toISOString(), reason: '涉及管网改造，施工周期较长' }, 2);
              if (r.chance(0.5)) await act(dispatcher, 'decide_extension', { approve: true, comment: '同意延期，请按新时限完成' }, 3);
            }
            if (target === 'pending_verification' || target === 'closed') {
              const measures = '已完成整改：清理现场、责令停止违法行为并落实长效管理措施';
              // Problems attributed to an enterprise were found true on site: they count in its health code once signed off.
              const finding = c.enterpriseCreditCode ? { finding: 'confirmed' } : {};
              await act(handler, 'submit_completion', { measures, attachmentIds: [await this.photo(handler, 1)], ...finding });
              if (target === 'closed' && r.chance(0.15)) {
                await act(supervisor, 'reject_completion', { reason: '整改佐证材料不充分，请补充整改前后对比照片' });
                await act(handler, 'submit_completion', { measures: `${measures}，已补充整改前后对比照片`, attachmentIds: [await this.photo(handler, 1)], ...finding });
              }
            }
            if (target === 'closed') {
              await signOff('经现场核查，整改到位，同意销号');
              // The county spot-checks the drawn share of its towns' closures (§11).
              if (c.signoffSteps.at(-1) === 'town' && isDrawnForSpotCheck(c.id)) {
                if (r.chance(0.3)) await act(countySupervisor, 'spot_check', { approve: false, comment: '县级抽查发现问题反弹，重新整改' }, 24 * 5);
                else await act(countySupervisor, 'spot_check', { approve: true, comment: '县级抽查整改到位' }, 24 * 5);
              }
              if (c.state === 'closed' && c.deadlineKind === 'review' && r.chance(0.4)) await act('supervisor.city', 'review_pass', { comment: '回头看未发现反弹' }, 24 * 7);
            }
          }
        }
      }
      if (['reported', 'pending_dispatch', 'assigned', 'rectifying'].includes(c.state)) {
        openByCounty.set(town.county, [...(openByCounty.get(town.county) ?? []), c.id]);
        if (c.state !== 'reported' && c.ownerLevel === 'county' && r.chance(0.1)) await act('supervisor.city', 'supervise', { note: '请于期限内整改到位并报送整改情况', dueAt: new Date(now + r.int(3, 10) * 86_400_000).toISOString() }, 1);
        else if (r.chance(0.1)) await act(dispatcher, 'remind', { note: '请加快办理进度' }, 1);
      }
      made++;
    }
    this.logger.log(`demo cases: ${made}`);
    return made;
  }

  /** A demo user as the services see them (shared with the other demo seeders). */
  async user(username: string): Promise<RequestUser> {
    let u = this.users.get(username);
    if (!u) {
      const [row] = await this.db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
      u = (await this.userContext.load(row.id))!;
      this.users.set(username, u);
    }
    return u;
  }

  private unitIds = new Map<string, string>();
  async unitId(name: string): Promise<string> {
    if (!this.unitIds.has(name)) this.unitIds.set(name, (await this.db.query(`SELECT id FROM unit WHERE name = $1`, [name]))[0].id);
    return this.unitIds.get(name)!;
  }

  private async photo(username: string, which = 0): Promise<string> {
    const user = await this.user(username);
    const [row] = await this.db.query(
      `INSERT INTO attachment (sha256, size, mime, original_name, uploaded_by) VALUES ($1, $2, 'image/png', $3, $4) RETURNING id`,
      [this.photoSha[which], demoPhoto(160, 120, which * 60).length, which ? '整改后现场照片.png' : '现场照片.png', user.id],
    );
    return row.id;
  }
}
