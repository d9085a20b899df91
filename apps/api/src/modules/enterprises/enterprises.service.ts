import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError, type ErrorDetail } from '../../core/errors/app-error.js';
import { toCaseDto } from '../cases/case-mapper.js';
import { CASE_FROM, CASE_SELECT, type CaseRow } from '../cases/case-row.js';
import { CasesService } from '../cases/cases.service.js';
import { EnforcementRepository } from '../cases/enforcement.repository.js';
import type { EnterpriseDetailDto, EnterpriseDto, EnterpriseImportResultDto, EnterpriseListDto, ListEnterprisesQueryDto } from './dto/enterprise.dto.js';
import { EnterpriseHealthService } from './enterprise-health.js';
import { parseEnterpriseRows, type RawEnterpriseRow } from './enterprise-rows.js';
import { readInterviews, readRepairs, toRepairDto } from './enterprise-views.js';
import { EnterpriseFileError, readEnterpriseRowsIsolated } from './enterprise-xlsx.js';

const ENTERPRISE_SELECT = `e.credit_code AS "creditCode", e.name, e.region_code AS "regionCode", r.name AS "regionName", e.address, e.industry,
  e.permit_number AS "permitNumber", e.key_discharger AS "keyDischarger", e.lat, e.lng, e.contact_name AS "contactName", e.contact_phone AS "contactPhone",
  e.credit_rating AS "creditRating", e.health_code AS "healthCode", e.health_reasons AS "healthReasons", e.health_at AS "healthAt"`;

type EnterpriseRow = Omit<EnterpriseDto, 'healthAt'> & { healthAt: Date | null };
const toDto = (e: EnterpriseRow): EnterpriseDto => ({ ...e, healthAt: e.healthAt ? new Date(e.healthAt).toISOString() : null });

export function importRefused(details: ErrorDetail[]): AppError {
  const rows = new Set(details.map((d) => d.row)).size;
  return AppError.unprocessable('enterprise_import_refused', `文件中有 ${rows} 行存在错误，未导入任何企业`, details);
}

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly enforcement: EnforcementRepository,
    private readonly health: EnterpriseHealthService,
  ) {}

  /** Brings stale codes up to date before a read (nothing to do in the usual case: one index probe). */
  private async fresh(): Promise<void> {
    const [stale] = await this.db.query(`SELECT 1 FROM enterprise WHERE health_stale LIMIT 1`);
    if (stale) await this.health.refreshStale();
  }

  /** The registry, searched by name or credit code, filtered by region, colour and key-discharger flag, with counts per colour. */
  async list(q: ListEnterprisesQueryDto): Promise<EnterpriseListDto> {
    await this.fresh();
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.q) {
      params.push(`%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`(e.name ILIKE $${params.length} OR e.credit_code ILIKE $${params.length})`);
    }
    if (q.code) {
      params.push(q.code);
      where.push(`e.credit_code = $${params.length}`);
    }
    if (q.regionCode) {
      params.push(q.regionCode);
      where.push(`EXISTS (SELECT 1 FROM region f WHERE f.code = $${params.length} AND (r.path = f.path OR r.path LIKE f.path || '.%'))`);
    }
    if (q.keyDischarger !== undefined) {
      params.push(q.keyDischarger);
      where.push(`e.key_discharger = $${params.length}`);
    }
    const base = `FROM enterprise e JOIN region r ON r.code = e.region_code WHERE ${where.length ? where.join(' AND ') : 'TRUE'}`;
    const countRows: { code: string; n: number }[] = await this.db.query(`SELECT e.health_code AS code, count(*)::int AS n ${base} GROUP BY e.health_code`, params);
    const counts = { green: 0, yellow: 0, red: 0 };
    for (const c of countRows) counts[c.code as keyof typeof counts] = c.n;
    const colourParams = q.healthCode ? [...params, q.healthCode] : params;
    const colour = q.healthCode ? ` AND e.health_code = $${colourParams.length}` : '';
    // Red first, then yellow, then green; key dischargers first within a colour.
    const items: EnterpriseRow[] = await this.db.query(
      `SELECT ${ENTERPRISE_SELECT} ${base}${colour}
        ORDER BY array_position(ARRAY['red','yellow','green']::varchar[], e.health_code), e.key_discharger DESC, e.name, e.credit_code
        LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      colourParams,
    );
    const total = q.healthCode ? counts[q.healthCode] : counts.green + counts.yellow + counts.red;
    return { items: items.map(toDto), total, page: q.page, pageSize: q.pageSize, counts };
  }

  /** The enterprise with its code and reasons, its cases in the caller's scope, code history, repairs, enforcement and 约谈. */
  async get(user: RequestUser, creditCode: string): Promise<EnterpriseDetailDto> {
    await this.fresh();
    const [e]: EnterpriseRow[] = await this.db.query(`SELECT ${ENTERPRISE_SELECT} FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.credit_code = $1`, [creditCode]);
    if (!e) throw AppError.notFound('企业');
    const scope = this.cases.readScope(user);
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.enterprise_credit_code = :code AND (${scope.sql}) ORDER BY c.created_at DESC LIMIT 50`,
      { ...scope.params, code: creditCode },
    );
    const [visible, history, repairs, enforcement, interviews]: [CaseRow[], { fromCode: string | null; code: string; reasons: unknown; at: Date }[], ...unknown[]] = await Promise.all([
      this.db.query(sql, params),
      this.db.query(`SELECT from_code AS "fromCode", code, reasons, at FROM enterprise_code_history WHERE credit_code = $1 ORDER BY at DESC, id DESC LIMIT 100`, [creditCode]),
      readRepairs(this.db, user, { creditCode }),
      this.enforcement.list(this.db.manager, { creditCode }),
      readInterviews(this.db, user, { creditCode }),
    ]);
    // Enforcement records are shown for the cases the caller may read.
    const visibleIds = new Set(visible.map((c) => c.id));
    return {
      ...toDto(e),
      cases: visible.map((r) => toCaseDto(r, user)),
      codeHistory: history.map((h) => ({ ...h, at: new Date(h.at).toISOString() })) as EnterpriseDetailDto['codeHistory'],
      repairs: (repairs as Awaited<ReturnType<typeof readRepairs>>).map((r) => toRepairDto(r, user)),
      enforcement: (enforcement as Awaited<ReturnType<EnforcementRepository['list']>>)
        .filter((t) => visibleIds.has(t.caseId) || user.roles.includes('admin'))
        .map(({ enterpriseCreditCode: _c, actorId: _a, ...t }) => ({ ...t, at: new Date(t.at).toISOString() })),
      interviews: interviews as EnterpriseDetailDto['interviews'],
    };
  }

  async importFile(user: RequestUser, file: { path: string } | undefined): Promise<EnterpriseImportResultDto> {
    if (!file) throw AppError.badRequest('file_required', '请在 multipart 字段 file 中上传 .xlsx 文件');
    let rows: RawEnterpriseRow[];
    try {
      // Off the main thread with the ledger import's guards: zip directory check, worker heap limit and deadline.
      rows = await readEnterpriseRowsIsolated(file.path);
    } catch (err) {
      if (err instanceof EnterpriseFileError) throw importRefused(err.details);
      throw err;
    }
    return this.importRows(user, rows);
  }

  /**
   * All rows or none (DESIGN §13): every row is checked first; any error refuses the file with every
   * row's errors (422). Known credit codes are updated (their code is kept, then recomputed), new
   * ones added; codes are computed in the same transaction.
   */
  async importRows(user: RequestUser, rows: RawEnterpriseRow[], now = new Date()): Promise<EnterpriseImportResultDto> {
    if (rows.length === 0) throw importRefused([{ row: 0, message: '没有数据行' }]);
    const regions = await this.db.query(`SELECT code, name, path FROM region WHERE level NOT IN ('grid')`);
    const { items, errors } = parseEnterpriseRows(rows, { regions, jurisdictionPath: user.regionPath });
    if (errors.length) throw importRefused(errors);
    return this.db.transaction(async (m) => {
      const written: { created: boolean }[] = await m.query(
        `INSERT INTO enterprise (credit_code, name, region_code, address, industry, permit_number, key_discharger, lat, lng, contact_name, contact_phone, credit_rating, health_stale)
         SELECT "creditCode", name, "regionCode", address, industry, "permitNumber", "keyDischarger", lat, lng, "contactName", "contactPhone", "creditRating", true
           FROM jsonb_to_recordset($1::jsonb) AS x("creditCode" varchar, name varchar, "regionCode" varchar, address varchar, industry varchar, "permitNumber" varchar,
                "keyDischarger" boolean, lat float8, lng float8, "contactName" varchar, "contactPhone" varchar, "creditRating" varchar)
         ON CONFLICT (credit_code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, address = EXCLUDED.address, industry = EXCLUDED.industry,
           permit_number = EXCLUDED.permit_number, key_discharger = EXCLUDED.key_discharger, lat = EXCLUDED.lat, lng = EXCLUDED.lng, contact_name = EXCLUDED.contact_name,
           contact_phone = EXCLUDED.contact_phone, credit_rating = EXCLUDED.credit_rating, health_stale = true, updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [JSON.stringify(items)],
      );
      await this.health.recompute(m, items.map((i) => i.creditCode), now);
      const created = written.filter((w) => w.created).length;
      return { imported: items.length, created, updated: items.length - created };
    });
  }
}
