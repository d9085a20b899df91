import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateUnitDto, UnitDto, UnitQueryDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

@ApiTags('units')
@ApiBearerAuth()
@ApiProtected()
@Controller()
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('units')
  @Authorize('read', 'Unit')
  @ApiOkResponse({ type: [UnitDto] })
  @ApiSummary('List units')
  @ApiErrors(400)
  list(@Query() query: UnitQueryDto) {
    return this.units.list(query.regionCode, query.withBodiesAbove ?? false);
  }

  @Post('admin/units')
  @Authorize('create', 'Unit')
  @ApiSummary('Create a unit')
  @ApiCreatedResponse({ type: UnitDto })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateUnitDto) {
    return this.units.create(dto);
  }

  @Patch('admin/units/:id')
  @Authorize('update', 'Unit')
  @ApiSummary('Change a unit')
  @ApiOkResponse({ type: UnitDto })
  @ApiErrors(400, 404, 409)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUnitDto) {
    return this.units.update(id, dto);
  }

  @Delete('admin/units/:id')
  @Authorize('delete', 'Unit')
  @HttpCode(204)
  @ApiSummary('Deactivate a unit')
  @ApiNoContentResponse({ description: 'deactivated' })
  @ApiErrors(400, 404)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.units.deactivate(id);
  }
}
