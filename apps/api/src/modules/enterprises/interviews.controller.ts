import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { CreateInterviewDto, InterviewDto, ListInterviewsQueryDto } from './dto/enterprise.dto.js';
import { InterviewsService } from './interviews.service.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@ApiProtected()
@Controller('interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  /** A 约谈 record on a region or an enterprise, optionally with its follow-up case. */
  @Post()
  @Authorize('create', 'Interview')
  @ApiCreatedResponse({ type: InterviewDto })
  @ApiSummary('Record an interview (约谈) of a region or an enterprise')
  @ApiErrors(400, 404, 422)
  create(@CurrentUser() user: RequestUser, @Body() dto: CreateInterviewDto): Promise<InterviewDto> {
    return this.interviews.create(user, dto);
  }

  @Get()
  @Authorize('read', 'Interview')
  @ApiOkResponse({ type: [InterviewDto] })
  @ApiSummary('Interviews (约谈) in the caller’s scope')
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: ListInterviewsQueryDto): Promise<InterviewDto[]> {
    return this.interviews.list(user, q);
  }
}
