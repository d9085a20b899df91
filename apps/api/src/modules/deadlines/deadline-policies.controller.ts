import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { DeadlinesAdminService } from './deadlines-admin.service.js';
import { CreateDeadlinePolicyDto, DeadlinePolicyDto, UpdateDeadlinePolicyDto } from './dto/deadlines.dto.js';

/** How long each deadline runs, per source / category / severity (DESIGN §3 `deadline_policy`). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/deadline-policies')
export class DeadlinePoliciesController {
  constructor(private readonly admin: DeadlinesAdminService) {}

  @Get()
  @Authorize('manage', 'DeadlinePolicy')
  @ApiOkResponse({ type: [DeadlinePolicyDto] })
  list(): Promise<DeadlinePolicyDto[]> {
    return this.admin.policies();
  }

  @Post()
  @Authorize('manage', 'DeadlinePolicy')
  @ApiOkResponse({ type: DeadlinePolicyDto })
  create(@Body() dto: CreateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    return this.admin.createPolicy(dto);
  }

  @Patch(':id')
  @Authorize('manage', 'DeadlinePolicy')
  @ApiOkResponse({ type: DeadlinePolicyDto })
  update(@Param('id') id: string, @Body() dto: UpdateDeadlinePolicyDto): Promise<DeadlinePolicyDto> {
    return this.admin.updatePolicy(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize('manage', 'DeadlinePolicy')
  async remove(@Param('id') id: string): Promise<void> {
    await this.admin.deletePolicy(id);
  }
}
