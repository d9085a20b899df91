import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateRegionDto, RegionNodeDto, UpdateRegionDto } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';

@ApiTags('regions')
@ApiBearerAuth()
@Controller()
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get('regions')
  @Authorize('read', 'Region')
  @ApiOkResponse({ type: [RegionNodeDto] })
  tree() {
    return this.regions.tree();
  }

  @Post('admin/regions')
  @Authorize('create', 'Region')
  create(@Body() dto: CreateRegionDto) {
    return this.regions.create(dto);
  }

  @Patch('admin/regions/:code')
  @Authorize('update', 'Region')
  update(@Param('code') code: string, @Body() dto: UpdateRegionDto) {
    return this.regions.update(code, dto);
  }

  @Delete('admin/regions/:code')
  @Authorize('delete', 'Region')
  @HttpCode(204)
  async remove(@Param('code') code: string) {
    await this.regions.delete(code);
  }
}
