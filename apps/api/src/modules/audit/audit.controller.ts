import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { CasesService } from '../cases/cases.service.js';
import { verifyChain, type ChainCheck } from '../cases/event-hash.js';

class VerifyQueryDto {
  @IsUUID() caseId!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly cases: CasesService,
    private readonly rows: CasesRepository,
  ) {}

  /** Recomputes the case's SHA-256 event chain and reports the first broken link. */
  @Get('verify')
  @Authorize('read', 'Case')
  async verify(@CurrentUser() user: RequestUser, @Query() q: VerifyQueryDto): Promise<ChainCheck & { caseId: string }> {
    await this.cases.get(user, q.caseId); // 404 outside the caller's scope
    return { caseId: q.caseId, ...verifyChain(await this.rows.events(q.caseId)) };
  }
}
