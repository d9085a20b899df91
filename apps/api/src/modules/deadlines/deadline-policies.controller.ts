import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { CreateDeadlinePolicyDto, DeadlinePolicyDto, UpdateDeadlinePolicyDto } from './dto/deadlines.dto.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

/** How long each deadline runs, per source / category / severity (DESIGN §3 `deadline_policy`). */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProtected()
@Controller('admin/deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  @Get()
  @Authorize('manage', 'DeadlinePolicy')
  @ApiOkResponse({ type: [DeadlinePolicyDto] })
  @ApiSummary('List deadline policies')
  list(): Promise<DeadlinePolicyDto[]> {
    return this.admin.policies();
  }

  @Post()
  @Authorize('manage', 'DeadlinePolicy')
  @ApiCreatedResponse({ type: DeadlinePolicyDto })
  @ApiSummary('Create a deadline policy')
  @ApiErrors(400, 409)
  create(@Body() dto: CreateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    return this.admin.createPolicy(dto);
  }

  @Patch(':id')
  @Authorize('manage', 'DeadlinePolicy')
  @ApiOkResponse({ type: DeadlinePolicyDto })
  @ApiSummary('Change a deadline policy')
  @ApiErrors(400, 404, 409)
  update(@Param('id', UuidParamPipe) id: string, @Body() dto: UpdateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    return this.admin.updatePolicy(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize('manage', 'DeadlinePolicy')
  @ApiSummary('Delete a deadline policy')
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(404)
  async remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.admin.deletePolicy(id);
  }
}
