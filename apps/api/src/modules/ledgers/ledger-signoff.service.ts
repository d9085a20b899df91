import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { asLedger, isWithinPath } from '@ecoloop/auth';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { TimersConfig } from '../deadlines/timers.config.js';
import type { ItemSignoffDto, ItemSignoffViewDto, SignoffStage } from './dto/ledger-signoff.dto.js';
import { STATE_LABELS } from './ledger-template.js';
import { LedgerItemsRepository } from './ledger-items.repository.js';
import { ALL_CASES, LedgersRepository } from './ledgers.repository.js';
import { signoffCell } from './ledger-views.js';
import type { LedgerSheetRow, SheetValue } from './ledger-xlsx.js';
import { isInspectionLedger } from './ledger-mappers.js';
import { LedgersService } from './ledgers.service.js';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * Sign-off of inspection rows (DESIGN §15, 销号制): once every case of the row is closed, the county
 * hands in the 验收 materials (`accept`), publishes the result (`publish`: 公示 for the policy's
 * days, LEDGER_NOTICE_DAYS, ending on a shown date), and after the notice a supervisor above the
 * county reviews it (`review`): passed, the row is 销号; failed, it goes back to 验收. Each step is
 * the row's new stage and a ledger event, in one transaction.
 */
@Injectable()
export class LedgerSignoffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledgers: LedgersService,
    private readonly repo: LedgersRepository,
    private readonly items: LedgerItemsRepository,
    private readonly config: TimersConfig,
  ) {}

  /** 整改方案: the row's rectification plan, an uploaded attachment, set by a dispatcher over the row's counties or its lead unit. */
  async setPlan(user: RequestUser, ledgerId: string, itemId: string, attachmentId: string): Promise<{ itemId: string; planAttachmentId: string }> {
    await this.ledgers.visibleLedger(user, ledgerId);
    const cases = await this.repo.cases(ledgerId, ALL_CASES, itemId);
    if (cases.length === 0) throw AppError.notFound('台账事项');
    const dispatcher = cases.every((c) => user.ability.can('import', asLedger({ regionPath: c.countyPath ?? c.regionPath })));
    const lead = !!user.unitId && cases.some((c) => c.leadUnitId === user.unitId);
    if (!dispatcher && !lead) throw AppError.forbidden('只有牵头单位或辖区调度员可以上传整改方案');
    if ((await this.items.existingAttachments([attachmentId])) === 0) throw AppError.unprocessable('unknown_attachment', '整改方案附件不存在', [{ field: 'attachmentId', message: '附件不存在' }]);
    await this.items.setPlan(ledgerId, itemId, attachmentId);
    return { itemId, planAttachmentId: attachmentId };
  }

  async step(user: RequestUser, ledgerId: string, itemId: string, dto: ItemSignoffDto, now = new Date()): Promise<ItemSignoffViewDto> {
    const ledger = await this.ledgers.visibleLedger(user, ledgerId);
    if (!isInspectionLedger(ledger.kind, ledger.source)) throw AppError.unprocessable('not_inspection_ledger', '只有督察整改台账的问题需要验收、公示和复核销号');
    const cases = await this.repo.cases(ledgerId, ALL_CASES, itemId);
    if (cases.length === 0) throw AppError.notFound('台账事项');
    const counties = [...new Set(cases.map((c) => c.countyPath ?? c.regionPath))];

    return this.db.transaction(async (m) => {
      const row = await this.items.lockSignoff(m, ledgerId, itemId);
      if (!row) throw AppError.notFound('台账事项');
      const open = cases.filter((c) => c.state !== 'closed');
      const today = shanghaiToday(now);
      let next: SignoffStage | null;
      let noticeEndsOn = row.noticeEndsOn;
      let comment = dto.comment;

      if (dto.action === 'accept') {
        if (!counties.every((p) => user.ability.can('import', asLedger({ regionPath: p })))) throw AppError.forbidden('只有问题所在县（市、区）或上级的调度员可以提交验收材料');
        if (open.length) {
          throw AppError.unprocessable(
            'item_cases_open',
            `第 ${row.seq} 项还有 ${open.length} 个案件未销号，不能验收`,
            open.map((c) => ({ field: 'itemId', message: `${c.code}（${c.countyName ?? c.regionName}）${STATE_LABELS[c.state]}` })),
          );
        }
        if (row.stage && row.stage !== 'accepted') throw AppError.conflict('signoff_stage', `第 ${row.seq} 项已在${STAGE_LABELS[row.stage]}阶段`);
        if (!dto.attachmentIds?.length) throw AppError.unprocessable('acceptance_materials_required', '验收须附验收材料', [{ field: 'attachmentIds', message: '至少一个附件' }]);
        const found = await this.items.existingAttachments(dto.attachmentIds, m);
        if (found !== new Set(dto.attachmentIds).size) throw AppError.unprocessable('unknown_attachment', '验收材料中有不存在的附件', [{ field: 'attachmentIds', message: '附件不存在' }]);
        next = 'accepted';
        noticeEndsOn = null;
        await this.items.setAcceptanceMaterials(m, itemId, dto.attachmentIds);
      } else if (dto.action === 'publish') {
        if (!counties.every((p) => user.ability.can('import', asLedger({ regionPath: p })))) throw AppError.forbidden('只有问题所在县（市、区）或上级的调度员可以公示');
        if (row.stage !== 'accepted') throw AppError.conflict('signoff_stage', `第 ${row.seq} 项须先验收再公示`);
        next = 'notice';
        noticeEndsOn = addDays(today, this.config.ledgerNoticeDays);
        comment = `${comment}（公示 ${this.config.ledgerNoticeDays} 天，至 ${noticeEndsOn}）`;
      } else {
        const above = counties.every((p) => isWithinPath(p, user.regionPath) && p !== user.regionPath);
        if (!user.ability.can('report_back', asLedger(ledger)) || !above) throw AppError.forbidden('复核须由问题所在县（市、区）的上级督查审核员进行');
        if (row.stage !== 'notice') throw AppError.conflict('signoff_stage', `第 ${row.seq} 项须先公示再复核`);
        if (noticeEndsOn && today <= noticeEndsOn) throw AppError.conflict('notice_running', `公示期至 ${noticeEndsOn}，公示期满后方可复核`);
        if (dto.passed === undefined) throw AppError.unprocessable('passed_required', '复核须说明是否通过', [{ field: 'passed', message: '必填' }]);
        next = dto.passed ? 'signed_off' : null;
        if (!dto.passed) noticeEndsOn = null;
      }

      await this.items.setSignoffStage(m, itemId, next, noticeEndsOn, now);
      const kind = dto.action === 'accept' ? 'acceptance' : dto.action === 'publish' ? 'notice' : next === 'signed_off' ? 'signed_off' : 'review';
      await this.repo.insertEvent(m, ledgerId, {
        kind,
        regionCode: null,
        actorId: user.id,
        actorName: user.displayName,
        actorRole: user.roles[0],
        comment,
        payload: { itemId, seq: row.seq, from: row.stage, to: next, noticeEndsOn, attachmentIds: dto.attachmentIds ?? [], passed: dto.passed ?? null },
        at: now,
      });
      await this.items.touchLedger(m, ledgerId, now);
      return { itemId, seq: row.seq, stage: next, noticeEndsOn, comment, at: now.toISOString() };
    });
  }

  /**
   * 交账 report package: every row of the caller's export scope with its status, plus a sheet of the
   * rows not yet signed off and the explanations the counties gave for them when reporting back.
   */
  async reportPackage(user: RequestUser, id: string, now = new Date()): Promise<{ ledger: Awaited<ReturnType<LedgersService['exportRows']>>['ledger']; rows: LedgerSheetRow[]; unsigned: SheetValue[][] }> {
    const { ledger, rows } = await this.ledgers.exportRows(user, id, now);
    const items = await this.repo.items(id);
    const inspection = isInspectionLedger(ledger.kind, ledger.source);
    const explained = new Map<string, string[]>();
    for (const e of await this.repo.events(id, 'report_back')) {
      for (const x of (e.payload.explanations as { itemId: string; note: string }[] | undefined) ?? []) {
        explained.set(x.itemId, [...(explained.get(x.itemId) ?? []), `${e.regionName ?? ''}：${x.note}`]);
      }
    }
    const shown = new Set(rows.map((r) => r.seq));
    const unsigned = items
      .filter((i) => shown.has(i.seq) && (inspection ? i.signoffStage !== 'signed_off' : i.closedCount < i.caseCount || i.caseCount === 0))
      .map((i) => [i.seq, i.title, rows.find((r) => r.seq === i.seq)?.state ?? null, signoffCell(i) ?? '未销号', explained.get(i.id)?.join('\n') ?? '未说明']);
    return { ledger, rows, unsigned };
  }
}

export const STAGE_LABELS: Record<SignoffStage, string> = { accepted: '验收', notice: '公示', signed_off: '销号' };
