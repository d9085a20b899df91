import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { CasesService } from '../cases/cases.service.js';
import { ChainCheckDto, VerifyQueryDto } from './dto/chain-check.dto.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('audit')
@ApiBearerAuth()
@ApiProtected()
@Controller('audit')
export class AuditController {
  constructor(private readonly cases: CasesService) {}

  /** Recomputes the case's SHA-256 event chain and reports the first broken link. */
  @Get('verify')
  @Authorize('read', 'Case')
  @ApiSummary('Verify a case’s SHA-256 event chain')
  @ApiOkResponse({ type: ChainCheckDto })
  @ApiErrors(400, 404)
  async verify(@CurrentUser() user: RequestUser, @Query() q: VerifyQueryDto): Promise<ChainCheckDto> {
    return { caseId: q.caseId, ...(await this.cases.verifyChain(user, q.caseId)) };
  }
}
