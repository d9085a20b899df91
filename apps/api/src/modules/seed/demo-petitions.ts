import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseDto } from '../cases/dto/case.dto.js';
import { CasesService } from '../cases/cases.service.js';
import type { CreatePetitionDto } from '../petitions/dto/petition.dto.js';
import { PetitionsService } from '../petitions/petitions.service.js';
import { DemoCasesSeeder } from './demo-cases.js';
import { DEMO_ENTERPRISES } from './demo-enterprise-registry.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Step = [at: number, username: string, action: string, payload?: Record<string, unknown>];

interface DemoPetition {
  key: string;
  by: string;
  receivedDaysAgo: number;
  body: Omit<CreatePetitionDto, 'receivedAt'>;
  /** Actions in order, at `at` days ago (fractions allowed). A `targetCaseId` of `@key` names another demo petition. */
  steps: Step[];
}

/** The date `days` after an ISO instant, as YYYY-MM-DD in Asia/Shanghai. */
const dateAfter = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * DAY + 8 * HOUR).toISOString().slice(0, 10);

/**
 * Petitions at every stage of DESIGN §9, from the 嘉兴 bureaus' daily work: one waiting for its
 * acceptance notice, one declined, one answered late after an extension, one waiting for its 回访,
 * a dissatisfied 回访 answered again, a 复查 under way, a 复核 concluded (终结), 12345 / 12369 work
 * orders, and a duplicate with two petitioners merged into the first petition on the same matter.
 * Made through the services (machine, CASL, one case write per action), at past times.
 */
const PETITIONS: DemoPetition[] = [
  {
    key: 'odour-letter',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 3,
    body: {
      channel: 'letter', grade: 'general', category: 'air.odor', regionCode: '330402101', address: '余新镇金星村化工园区东侧',
      content: '余新镇金星村化工园区附近每天夜里十点以后有刺鼻的化学气味，村民关窗也能闻到，老人小孩咳嗽，已持续一个多月。',
      request: '请求查明异味来源，依法查处违法排放企业，并书面答复处理结果。',
      petitioners: [{ name: '沈建国', phone: '13905731021', idNumber: '330402195811230014' }],
    },
    steps: [],
  },
  {
    key: 'neighbour-noise',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 20,
    body: {
      channel: 'visit', grade: 'general', category: 'noise', regionCode: '330402100', address: '凤桥镇永红村',
      content: '邻居家装修房屋，白天电钻声音很大，双方多次协商未果。',
      request: '要求环保部门责令邻居停止装修。',
      petitioners: [{ name: '陆美琴', phone: '13905732203' }],
    },
    steps: [[18, 'dispatcher.nanhu', 'decline_petition', { reason: '所反映事项属于相邻关系民事纠纷，不属于生态环境部门法定职责，已告知可向凤桥镇人民调解委员会申请调解，或依法向人民法院提起诉讼。' }]],
  },
  {
    key: 'dyeing-outfall',
    by: 'dispatcher.xiuzhou',
    receivedDaysAgo: 75,
    body: {
      channel: 'online', grade: 'key', category: 'water.outfall', regionCode: '330411101', address: '王江泾镇民主村北侧河道',
      content: '王江泾镇民主村北侧河道靠近纺织园区的排口经常排出蓝黑色污水，河面有泡沫，鱼虾死亡。',
      request: '请求查处偷排企业，恢复河道水质，并公开监测数据。',
      enterpriseCreditCode: '91330411MA28K1L2M3',
      petitioners: [{ name: '顾志明', phone: '13905733317', idNumber: '330411197203150031' }],
    },
    steps: [
      [72, 'dispatcher.xiuzhou', 'accept_petition'],
      [71, 'dispatcher.xiuzhou', 'dispatch', { leadUnitId: '@unit:王江泾镇生态办' }],
      [70.5, 'handler.wangjiangjing', 'sign_for'],
      [20, 'dispatcher.xiuzhou', 'extend_reply', { newDueAt: '@extend:25', reason: '需委托第三方检测机构对园区雨污管网和企业废水开展连续一个月监测，并会同秀洲区水利局排查管网混接，情况复杂，经批准延长办理期限。' }],
    ],
  },
  {
    key: 'night-construction',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 30,
    body: {
      channel: 'phone', grade: 'general', category: 'noise.construction', regionCode: '330402101', address: '余新镇余北村安置房工地',
      content: '余北村安置房工地连续多日夜间浇筑混凝土，凌晨两点仍在施工，噪声严重影响周边居民休息。',
      request: '要求工地夜间停止施工，并对违规施工行为进行处罚。',
      petitioners: [{ name: '钱晓燕', phone: '13905734456' }],
    },
    steps: [
      [28, 'dispatcher.nanhu', 'accept_petition'],
      [5, 'dispatcher.nanhu', 'reply', { comment: '经查，该工地未取得夜间施工许可擅自夜间施工，南湖区综合行政执法局已依法立案并处罚款人民币二万元，工地已承诺夜间22时至次日6时停止高噪声作业。我局将会同属地镇政府加强夜间巡查。' }],
    ],
  },
  {
    key: 'straw-12369',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 40,
    body: {
      channel: 'hotline_12369', grade: 'general', category: 'air.open_burning', regionCode: '330402100', address: '凤桥镇三星村农田',
      content: '12369来电：凤桥镇三星村农田有人焚烧秸秆，浓烟很大，影响道路通行。',
      request: '请尽快到场处置。',
      petitioners: [{ anonymous: true, phone: '13905735520' }],
    },
    steps: [
      [39.9, 'dispatcher.nanhu', 'accept_petition'],
      [38, 'dispatcher.nanhu', 'reply', { comment: '凤桥镇生态办接报后到场扑灭明火，对焚烧农户进行批评教育，并在该村增设禁烧宣传牌。' }],
      [36, 'dispatcher.nanhu', 'follow_up', { satisfaction: 'satisfied', note: '电话回访，来电人对处置结果表示满意。' }],
    ],
  },
  {
    key: 'plating-wastewater',
    by: 'dispatcher.xiuzhou',
    receivedDaysAgo: 100,
    body: {
      channel: 'letter', grade: 'key', category: 'water', regionCode: '330411104', address: '新塍镇洛东村',
      content: '新塍镇工业区电镀企业夜间通过暗管向洛东村灌溉渠排放废水，渠水发绿，稻田减产。',
      request: '要求彻查暗管偷排，赔偿农田损失，关停违法企业。',
      enterpriseCreditCode: '91330411MA28N4P5Q6',
      petitioners: [{ name: '吴根宝', phone: '13905736612', idNumber: '330411196505080052' }],
    },
    steps: [
      [97, 'dispatcher.xiuzhou', 'accept_petition'],
      [60, 'dispatcher.xiuzhou', 'reply', { comment: '经现场检查及采样监测，该企业总排口废水达标，未发现暗管。已要求企业规范雨水排放口管理。' }],
      [55, 'dispatcher.xiuzhou', 'follow_up', { satisfaction: 'dissatisfied', note: '信访人认为夜间仍有排放，对检查时间选在白天不认可。' }],
      [50, 'dispatcher.xiuzhou', 'consult', { note: '与秀洲区公安分局环食药侦大队、新塍镇政府会商，决定开展夜间突击检查和灌溉渠沿线排查。' }],
      [30, 'dispatcher.xiuzhou', 'reply', { comment: '夜间突击检查发现企业利用雨水管偷排电镀漂洗废水，已移送公安机关，企业停产整改，灌溉渠已完成清淤。农田损失赔偿可依法向企业主张，我局将提供监测数据支持。' }],
      [25, 'dispatcher.xiuzhou', 'follow_up', { satisfaction: 'basically_satisfied', note: '上门回访，信访人对查处结果基本满意，赔偿事宜另行协商。' }],
    ],
  },
  {
    key: 'chemical-park-group',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 90,
    body: {
      channel: 'visit', grade: 'group', category: 'air.odor', regionCode: '330402101', address: '余新镇曙光村',
      content: '曙光村村民代表五人来访，反映附近化工企业异味扰民多年，村里癌症病人增多，怀疑与企业排放有关。',
      request: '要求企业搬迁，并对村民开展健康体检。',
      enterpriseCreditCode: '91330402MA28D4E5F6',
      petitioners: [
        { name: '冯永福', phone: '13905737701', idNumber: '330402196112120011' },
        { name: '冯桂英', phone: '13905737702', idNumber: '330402196303030028' },
      ],
    },
    steps: [
      [88, 'dispatcher.nanhu', 'accept_petition'],
      [45, 'dispatcher.nanhu', 'reply', { comment: '经对企业开展废气监督性监测，各项指标达标；企业已完成RTO焚烧装置升级。企业搬迁不属于本机关职权，已将意见转南湖区人民政府研究；健康体检事宜已转区卫生健康局。' }],
      [25, 'dispatcher.nanhu', 'request_review', { reason: '村民代表对处理意见不服，向嘉兴市生态环境局请求复查。' }],
    ],
  },
  {
    key: 'cooking-fume-final',
    by: 'dispatcher.xiuzhou',
    receivedDaysAgo: 200,
    body: {
      channel: 'letter', grade: 'general', category: 'air.cooking_fume', regionCode: '330411101', address: '王江泾镇商业街18号',
      content: '楼下餐饮店油烟直排，油烟管道距离住户窗户不足两米，夏天无法开窗。',
      request: '要求餐饮店迁移油烟管道或停业。',
      petitioners: [{ name: '褚文斌', phone: '13905738819' }],
    },
    steps: [
      [196, 'dispatcher.xiuzhou', 'accept_petition'],
      [150, 'dispatcher.xiuzhou', 'reply', { comment: '该店已安装油烟净化设施并经检测达标，已责令其将排烟口改至楼顶高空排放。' }],
      [130, 'dispatcher.xiuzhou', 'request_review', { reason: '信访人认为改造后仍有油烟。' }],
      [105, 'dispatcher.xiuzhou', 'decide_review', { comment: '复查认为原处理意见认定事实清楚，维持原处理意见。' }],
      [90, 'dispatcher.xiuzhou', 'request_recheck', { reason: '信访人不服复查意见，请求复核。' }],
      [65, 'dispatcher.xiuzhou', 'decide_recheck', { comment: '复核维持复查意见。根据《信访工作条例》第三十五条，信访人以同一事实和理由提出的投诉请求，不再受理。' }],
    ],
  },
  {
    key: 'dyeing-fumes',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 10,
    body: {
      channel: 'online', grade: 'general', category: 'air.odor', regionCode: '330402100', address: '凤桥镇工业园区',
      content: '凤桥镇工业园区印染厂定型机废气直排，园区周边布满刺鼻气味。',
      request: '要求企业安装废气处理设施。',
      enterpriseCreditCode: DEMO_ENTERPRISES[0].creditCode, // 嘉兴凤桥印染有限公司 (凤桥镇)
      petitioners: [{ name: '朱伟', phone: '13905739901', idNumber: '330402198806060019' }],
    },
    steps: [[8, 'dispatcher.nanhu', 'accept_petition']],
  },
  {
    key: 'dyeing-fumes-visit',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 7,
    body: {
      channel: 'visit', grade: 'general', category: 'air.odor', regionCode: '330402100', address: '凤桥镇联丰村',
      content: '联丰村姐弟二人来访，反映工业园区印染厂定型机废气气味刺鼻，与前期网上信访反映的是同一企业。',
      request: '要求企业整改废气。',
      petitioners: [
        { name: '许海明', phone: '13905739911', idNumber: '330402197901010037' },
        { name: '许海燕', phone: '13905739912', idNumber: '330402198203030045' },
      ],
    },
    steps: [[6, 'dispatcher.nanhu', 'merge', { targetCaseId: '@dyeing-fumes' }]],
  },
  {
    key: 'dust-12345',
    by: 'dispatcher.nanhu',
    receivedDaysAgo: 2,
    body: {
      channel: 'hotline_12345', grade: 'general', category: 'air.dust', regionCode: '330402101', address: '余新镇金星村砂石堆场',
      content: '12345工单：余新镇金星村砂石堆场露天堆放，大风天扬尘严重。',
      request: '要求覆盖砂石堆场并安装喷淋设施。',
      petitioners: [{ name: '施女士', phone: '13905730345' }],
    },
    steps: [[1.8, 'dispatcher.nanhu', 'accept_petition']],
  },
];

@Injectable()
export class DemoPetitionsSeeder {
  private readonly logger = new Logger(DemoPetitionsSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly petitions: PetitionsService,
    private readonly cases: CasesService,
    private readonly demo: DemoCasesSeeder,
  ) {}

  /** Seeds the demo petitions while there are none; returns how many were made. */
  async seedIfEmpty(): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM petition`);
    if (n > 0) return 0;
    const now = Date.now();
    const made = new Map<string, CaseDto>();
    for (const p of PETITIONS) {
      let c = await this.petitions.create(await this.demo.user(p.by), { ...p.body, receivedAt: new Date(now - p.receivedDaysAgo * DAY).toISOString() }, {
        at: new Date(now - p.receivedDaysAgo * DAY + HOUR),
      });
      for (const [daysAgo, username, action, payload = {}] of p.steps) {
        const resolved = await this.resolve(payload, made, c);
        c = await this.cases.act(await this.demo.user(username), c.id, action, { expectedVersion: c.version, ...resolved } as never, { at: new Date(now - daysAgo * DAY) });
      }
      made.set(p.key, c);
    }
    this.logger.log(`demo petitions: ${made.size}`);
    return made.size;
  }

  /** `@key` → that petition's case id; `@unit:名称` → the unit's id; `@extend:N` → N days past the reply limit now running. */
  private async resolve(payload: Record<string, unknown>, made: Map<string, CaseDto>, c: CaseDto): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(payload)) {
      if (typeof v !== 'string' || !v.startsWith('@')) out[k] = v;
      else if (v.startsWith('@unit:')) out[k] = await this.demo.unitId(v.slice(6));
      else if (v.startsWith('@extend:')) out[k] = dateAfter(c.petition!.replyDueAt!, Number(v.slice(8)));
      else out[k] = made.get(v.slice(1))!.id;
    }
    return out;
  }
}
