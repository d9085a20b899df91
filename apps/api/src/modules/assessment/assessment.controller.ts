import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { addMonths, previousMonth, shanghaiMonth } from '../../core/months.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';
import { ScorecardDto, ScorecardQueryDto, ScorecardTrendDto, ScorecardTrendQueryDto } from './dto/scorecard.dto.js';
import { LEVEL_TITLE, scorecardWorkbook } from './scorecard-xlsx.js';
import { ScorecardsService } from './scorecards.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('assessment')
@ApiBearerAuth()
@ApiProtected()
@ApiExtraModels(ScorecardDto)
@Controller('assessment')
export class AssessmentController {
  constructor(private readonly scorecards: ScorecardsService) {}

  @Get('trend')
  @Authorize('read', 'Stats')
  @ApiSummary('Scorecards of the twelve months up to a month, per county, town, unit or grid inspector (score, rank, figures by month), for trend charts')
  @ApiOkResponse({ type: ScorecardTrendDto })
  @ApiErrors(400)
  trend(@CurrentUser() user: RequestUser, @Query() q: ScorecardTrendQueryDto): Promise<ScorecardTrendDto> {
    const last = q.to ?? previousMonth(shanghaiMonth(new Date()));
    return this.scorecards.trend(user, q.level, addMonths(last, -11), last);
  }

  @Get('scorecards')
  @Authorize('read', 'Stats')
  @ApiSummary('Scorecards and ranking per county, town, unit or grid inspector for a month (考核排名); format=xlsx: the 通报')
  @ApiResponse({
    status: 200,
    description: 'ranked scorecards, best first (or the xlsx 通报)',
    content: {
      'application/json': { schema: { type: 'array', items: { $ref: getSchemaPath(ScorecardDto) } } },
      [XLSX]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400)
  async list(@CurrentUser() user: RequestUser, @Query() q: ScorecardQueryDto): Promise<ScorecardDto[] | StreamableFile> {
    const month = q.month ?? previousMonth(shanghaiMonth(new Date()));
    const rows = await this.scorecards.scorecards(user, q.level, month);
    if (q.format !== 'xlsx') return rows;
    const name = `${month}${LEVEL_TITLE[q.level]}考核通报.xlsx`;
    return new StreamableFile(await scorecardWorkbook(q.level, month, rows), { type: XLSX, disposition: `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
  }
}
