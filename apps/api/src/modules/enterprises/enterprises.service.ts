import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { healthCode, type HealthCode, type RatedCase } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { toCaseDto } from '../cases/case-mapper.js';
import { CASE_FROM, CASE_SELECT, type CaseRow } from '../cases/case-row.js';
import { CasesService } from '../cases/cases.service.js';
import type { CaseDto } from '../cases/dto/case.dto.js';

export interface EnterpriseView {
  creditCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string | null;
  industry: string | null;
  healthCode: HealthCode;
  healthReasons: string[];
  /** The enterprise's recent cases the caller may read. */
  cases: CaseDto[];
}

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  /** The enterprise with its health code, rated from all its cases (a public rating), listing those in scope. */
  async get(user: RequestUser, creditCode: string): Promise<EnterpriseView> {
    const [e] = await this.db.query(
      `SELECT e.credit_code AS "creditCode", e.name, e.region_code AS "regionCode", r.name AS "regionName", e.address, e.industry
         FROM enterprise e JOIN region r ON r.code = e.region_code WHERE e.credit_code = $1`,
      [creditCode],
    );
    if (!e) throw AppError.notFound('Enterprise');
    const rated: RatedCase[] = await this.db.query(
      `SELECT state, severity, overdue, rework_count AS "reworkCount", reopen_count AS "reopenCount", created_at AS "createdAt", closed_at AS "closedAt"
         FROM "case" WHERE enterprise_credit_code = $1 AND created_at > now() - interval '400 days'`,
      [creditCode],
    );
    const scope = this.cases.readScope(user);
    const [sql, params] = this.db.driver.escapeQueryWithParameters(
      `SELECT ${CASE_SELECT} FROM ${CASE_FROM} WHERE c.enterprise_credit_code = :code AND (${scope.sql}) ORDER BY c.created_at DESC LIMIT 50`,
      { ...scope.params, code: creditCode },
    );
    const visible: CaseRow[] = await this.db.query(sql, params);
    const { code, reasons } = healthCode(rated.map((c) => ({ ...c, createdAt: new Date(c.createdAt), closedAt: c.closedAt ? new Date(c.closedAt) : null })), new Date());
    return { ...e, healthCode: code, healthReasons: reasons, cases: visible.map((r) => toCaseDto(r, user)) };
  }
}
