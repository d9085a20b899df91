import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@ApiBearerAuth()
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('units')
  @Authorize('read', 'Unit')
  @ApiOkResponse({ type: [UnitDto] })
  list(@Query() query: UnitQueryDto) {
    return this.units.list(query.regionCode);
  }

  @Post('admin/units')
  @Authorize('create', 'Unit')
  create(@Body() dto: CreateUnitDto) {
    return this.units.create(dto);
  }

  @Patch('admin/units/:id')
  @Authorize('update', 'Unit')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(id, dto);
  }

  @Delete('admin/units/:id')
  @Authorize('delete', 'Unit')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.units.deactivate(id);
  }
}
