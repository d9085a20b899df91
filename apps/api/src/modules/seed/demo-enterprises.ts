import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { UserContextService } from '../../core/auth/user-context.service.js';
import { AppConfig } from '../../core/config/app-config.js';
import { AttachmentStorage } from '../attachments/attachment-storage.js';
import { CasesService } from '../cases/cases.service.js';
import { CreditRepairsService } from '../enterprises/credit-repairs.service.js';
import { EnterpriseHealthService } from '../enterprises/enterprise-health.js';
import { EnterprisesService } from '../enterprises/enterprises.service.js';
import { InterviewsService } from '../enterprises/interviews.service.js';
import { DEMO_ENTERPRISES } from './demo-enterprise-registry.js';
import { demoPhoto } from './demo-photo.js';

const DAY = 86_400_000;

/**
 * The demo registry and its facts (DESIGN §8, §13), through the services as the demo users:
 * the registry import, an enforcement transfer with a penalty decision, a 约谈 with its follow-up
 * case, a credit repair under county review and one approved (its code history shows the recompute).
 */
@Injectable()
export class DemoEnterprisesSeeder {
  private readonly logger = new Logger(DemoEnterprisesSeeder.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enterprises: EnterprisesService,
    private readonly health: EnterpriseHealthService,
    private readonly repairs: CreditRepairsService,
    private readonly interviews: InterviewsService,
    private readonly cases: CasesService,
    private readonly userContext: UserContextService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Imports the registry as the city dispatcher when the registry is empty (before the demo cases,
   * which name its enterprises), dated a year back: the bureau kept it before the demo's year.
   */
  async importRegistryIfEmpty(now = new Date()): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM enterprise`);
    if (n > 0) return 0;
    const rows = DEMO_ENTERPRISES.map((e, i) => ({
      row: i + 2,
      values: {
        creditCode: e.creditCode,
        name: e.name,
        region: e.regionCode,
        address: e.address,
        industry: e.industry,
        permitNumber: e.permitNumber ?? undefined,
        keyDischarger: e.keyDischarger ? '是' : '否',
        lat: String(e.lat),
        lng: String(e.lng),
        contactName: e.contactName,
        contactPhone: e.contactPhone,
        creditRating: e.creditRating ?? undefined,
      },
    }));
    const result = await this.enterprises.importRows(await this.user('dispatcher.city'), rows, new Date(now.getTime() - 366 * DAY));
    this.logger.log(`demo enterprises: ${result.imported}`);
    return result.imported;
  }

  /** The enforcement transfer, the 约谈, the approved repair and the repair under review, once. */
  async seedFactsIfEmpty(now = new Date()): Promise<boolean> {
    const [{ n }] = await this.db.query(`SELECT (SELECT count(*) FROM interview) + (SELECT count(*) FROM credit_repair) + (SELECT count(*) FROM enforcement_transfer) AS n`);
    if (Number(n) > 0) return false;
    const chem = DEMO_ENTERPRISES[1];
    const textile = DEMO_ENTERPRISES[3];
    const nanhu = await this.user('dispatcher.nanhu');
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);

    // 移交执法: the chemical plant's outfall case goes to enforcement; the penalty decision follows.
    let c = (
      await this.cases.create(
        nanhu,
        {
          title: '余新镇化工企业雨水排口超标排放',
          description: '执法检查发现企业雨水排口有黄色废水排出，现场采样COD超标3.2倍，涉嫌通过雨水管网偷排生产废水。',
          category: 'water.outfall',
          source: 'enforcement_check',
          severity: 'major',
          regionCode: chem.regionCode,
          lat: chem.lat,
          lng: chem.lng,
          address: chem.address,
          enterpriseCreditCode: chem.creditCode,
        },
        undefined,
        { at: at(40) },
      )
    ).case;
    const transfer = async (payload: Record<string, unknown>, when: Date) => {
      c = await this.cases.act(nanhu, c.id, 'transfer_enforcement', { expectedVersion: c.version, ...payload } as never, { at: when });
    };
    await transfer({ caseNumber: '嘉环（南）立字〔2026〕37号', comment: '涉嫌超标排放，移交市综合行政执法局立案查处' }, at(39));
    await transfer({ caseNumber: '嘉环（南）立字〔2026〕37号', penaltyDecisionNo: '嘉环（南）罚字〔2026〕37号', fine: 385000, policeReferral: false, comment: '已作出行政处罚决定' }, at(12));

    // 约谈: the city bureau interviews the chemical plant, with a follow-up case.
    const followUp = (
      await this.cases.create(
        nanhu,
        {
          title: '南湖化工约谈整改：雨污分流及废水预处理设施改造',
          description: '按约谈要求，企业30日内完成厂区雨污分流改造和废水预处理设施提标，分局跟踪整改并组织验收。',
          category: 'water.outfall',
          source: 'enforcement_check',
          severity: 'general',
          regionCode: chem.regionCode,
          enterpriseCreditCode: chem.creditCode,
        },
        undefined,
        { at: at(10) },
      )
    ).case;
    await this.interviews.create(await this.user('supervisor.city'), {
      enterpriseCreditCode: chem.creditCode,
      heldAt: at(10).toISOString(),
      interviewer: '嘉兴市生态环境局',
      attendees: ['嘉兴南湖化工有限公司法定代表人', '企业环保负责人', '南湖分局分管副局长', '余新镇分管副镇长'],
      demands: '一、30日内完成厂区雨污分流改造；二、废水预处理设施提标并安装在线监测；三、每周向南湖分局报送整改进展。',
      followUpCaseId: followUp.id,
    });

    const repaired = await this.approvedRepair(at);

    // 信用修复: the textile mill (credit rating C) applies; the county is reviewing it.
    await this.health.refreshStale(now);
    const xiuzhou = await this.user('dispatcher.xiuzhou');
    const evidence = await this.photo(xiuzhou.id);
    await this.repairs.apply(
      xiuzhou,
      {
        creditCode: textile.creditCode,
        commitment: '本企业已完成印染废水处理设施升级改造并通过第三方检测，承诺今后严格落实排污许可要求，如再发生环境违法行为，自愿接受信用惩戒。',
        attachmentIds: [evidence],
      },
      at(3),
    );
    await this.health.refreshStale(now);
    this.logger.log(`demo enterprise facts: enforcement ${c.code}, 约谈 with ${followUp.code}, an approved repair (${repaired}), a repair under review`);
    return true;
  }

  /**
   * A repair that went through: the recycling plant's illegal storage is found by 南湖区综合行政执法局,
   * confirmed at sign-off and fined (red); two months later its application passes county review,
   * the 7-day 公示 and is approved (green again). Returns the case code.
   */
  private async approvedRepair(at: (daysAgo: number) => Date): Promise<string> {
    const plant = DEMO_ENTERPRISES.find((e) => e.name === '嘉兴南湖再生资源有限公司')!;
    const nanhu = await this.user('dispatcher.nanhu');
    const zhifa = await this.user('handler.zhifa');
    const supervisor = await this.user('supervisor.nanhu');
    const [unit] = await this.db.query(`SELECT id FROM unit WHERE name = '南湖区综合行政执法局'`);
    let c = (
      await this.cases.create(
        nanhu,
        {
          title: '南湖区再生资源企业危险废物露天堆放',
          description: '执法检查发现企业厂区东侧露天堆放废矿物油桶约40只，未设置防渗防雨设施，地面有油污渗漏痕迹。',
          category: 'solid_waste.hazardous',
          source: 'enforcement_check',
          severity: 'general',
          regionCode: plant.regionCode,
          lat: plant.lat,
          lng: plant.lng,
          address: plant.address,
          enterpriseCreditCode: plant.creditCode,
        },
        undefined,
        { at: at(75) },
      )
    ).case;
    const act = async (user: RequestUser, action: string, payload: Record<string, unknown>, daysAgo: number) => {
      c = await this.cases.act(user, c.id, action, { expectedVersion: c.version, ...payload } as never, { at: at(daysAgo) });
    };
    await act(nanhu, 'transfer_enforcement', { caseNumber: '嘉环（南）立字〔2026〕29号', comment: '涉嫌违法贮存危险废物，移交综合行政执法局立案' }, 74);
    await act(nanhu, 'dispatch', { leadUnitId: unit.id }, 74);
    await act(zhifa, 'sign_for', {}, 73);
    await act(nanhu, 'transfer_enforcement', { caseNumber: '嘉环（南）立字〔2026〕29号', penaltyDecisionNo: '嘉环（南）罚字〔2026〕29号', fine: 120000, comment: '已作出行政处罚决定' }, 68);
    await act(zhifa, 'submit_completion', { measures: '废矿物油桶已全部转移至规范危废仓库，委托有资质单位处置，地面油污已清理', attachmentIds: [await this.photo(zhifa.id, '整改后危废仓库.png')], finding: 'confirmed' }, 66);
    await act(supervisor, 'approve', { comment: '现场核实违法属实，已整改到位，同意销号' }, 64);
    // The code as it stood then: red on the penalty and the confirmed violation.
    await this.db.transaction((m) => this.health.recompute(m, [plant.creditCode], at(64)));

    const evidence = await this.photo(nanhu.id, '危废规范化管理验收报告.png');
    const repair = await this.repairs.apply(
      nanhu,
      {
        creditCode: plant.creditCode,
        commitment: '本企业已缴清罚款，建成规范化危险废物贮存库并落实转移联单管理，承诺今后严格执行危险废物管理制度，如再发生违法行为自愿接受信用惩戒。',
        attachmentIds: [evidence],
      },
      at(30),
    );
    await this.repairs.act(supervisor, repair.id, 'review_pass', { comment: '整改到位，材料齐全，同意公示' }, at(28));
    await this.repairs.act(supervisor, repair.id, 'approve', { comment: '公示期满无异议，准予信用修复' }, at(20));
    return c.code;
  }

  private async user(username: string): Promise<RequestUser> {
    const [row] = await this.db.query(`SELECT id FROM app_user WHERE username = $1`, [username]);
    return (await this.userContext.load(row.id))!;
  }

  private async photo(userId: string, name = '第三方检测报告.png'): Promise<string> {
    const png = demoPhoto(160, 120, 120);
    const sha = await new AttachmentStorage(this.config.storageDir).storeBuffer(png);
    const [row] = await this.db.query(
      `INSERT INTO attachment (sha256, size, mime, original_name, uploaded_by) VALUES ($1, $2, 'image/png', $3, $4) RETURNING id`,
      [sha, png.length, name, userId],
    );
    return row.id;
  }
}
