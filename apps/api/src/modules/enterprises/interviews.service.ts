import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { inRegion } from '@ecoloop/auth';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { CasesService } from '../cases/cases.service.js';
import type { CreateInterviewDto, InterviewDto, ListInterviewsQueryDto } from './dto/enterprise.dto.js';
import { readInterviews } from './enterprise-views.js';

/** 约谈 records (DESIGN §13): of a region or an enterprise, in the caller's jurisdiction, with the follow-up case. */
@Injectable()
export class InterviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
  ) {}

  async create(user: RequestUser, dto: CreateInterviewDto): Promise<InterviewDto> {
    let regionCode = dto.regionCode;
    if (dto.enterpriseCreditCode) {
      const [e] = await this.db.query(`SELECT region_code AS "regionCode" FROM enterprise WHERE credit_code = $1`, [dto.enterpriseCreditCode]);
      if (!e) throw AppError.unprocessable('unknown_enterprise', `企业 ${dto.enterpriseCreditCode} 不在名录中`, [{ field: 'enterpriseCreditCode', message: '企业不存在' }]);
      regionCode ??= e.regionCode;
    }
    if (!regionCode) throw AppError.unprocessable('region_required', '请选择被约谈的区域或企业', [{ field: 'regionCode', message: '必填' }]);
    const [region] = await this.db.query(`SELECT path FROM region WHERE code = $1`, [regionCode]);
    if (!region) throw AppError.unprocessable('unknown_region', `区域 ${regionCode} 不存在`, [{ field: 'regionCode', message: '区域不存在' }]);
    if (!user.ability.can('create', inRegion('Interview', region.path))) throw AppError.forbidden('您无权在该区域登记约谈');
    // The follow-up case must be one the caller can see (404 otherwise, like every case outside the scope).
    if (dto.followUpCaseId) await this.cases.get(user, dto.followUpCaseId);
    const attendees = dto.attendees.map((a) => a.trim()).filter(Boolean);
    if (!attendees.length) throw AppError.unprocessable('attendees_required', '请填写参加约谈的人员', [{ field: 'attendees', message: '必填' }]);
    const [row] = await this.db.query(
      `INSERT INTO interview (region_code, enterprise_credit_code, held_at, interviewer, attendees, demands, follow_up_case_id, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [regionCode, dto.enterpriseCreditCode ?? null, dto.heldAt, dto.interviewer, attendees, dto.demands, dto.followUpCaseId ?? null, user.id],
    );
    const [created] = await readInterviews(this.db, user, { id: row.id });
    return created;
  }

  async list(user: RequestUser, q: ListInterviewsQueryDto): Promise<InterviewDto[]> {
    let regionPath: string | undefined;
    if (q.regionCode) {
      const [region] = await this.db.query(`SELECT path FROM region WHERE code = $1`, [q.regionCode]);
      if (!region) return [];
      regionPath = region.path;
    }
    return readInterviews(this.db, user, { regionPath, creditCode: q.creditCode });
  }
}
