import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateRegionDto, RegionDto, RegionNodeDto, UpdateRegionDto } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('regions')
@ApiBearerAuth()
@ApiProtected()
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions')
  @Authorize('read', 'Region')
  @ApiOkResponse({ type: [RegionNodeDto] })
  @ApiSummary('The region tree (province → grid)')
  tree() {
    return this.regions.tree();
  }

  @Post('admin/regions')
  @Authorize('create', 'Region')
  @ApiSummary('Create a region')
  @ApiCreatedResponse({ type: RegionDto })
  @ApiErrors(400, 404, 409)
  create(@Body() dto: CreateRegionDto) {
    return this.regions.create(dto);
  }

  @Patch('admin/regions/:code')
  @Authorize('update', 'Region')
  @ApiSummary('Rename a region or change its boundary')
  @ApiOkResponse({ type: RegionDto })
  @ApiErrors(400, 404)
  update(@Param('code') code: string, @Body() dto: UpdateRegionDto) {
    return this.regions.update(code, dto);
  }

  @Delete('admin/regions/:code')
  @Authorize('delete', 'Region')
  @HttpCode(204)
  @ApiSummary('Delete a region that nothing uses')
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(404, 409)
  async remove(@Param('code') code: string) {
    await this.regions.delete(code);
  }
}
