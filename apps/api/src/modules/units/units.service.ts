import { Injectable } from '@nestjs/common';
import { AppError } from '../../core/errors/app-error.js';
import { RegionsService } from '../regions/regions.service.js';
import type { CreateUnitDto, UnitDto, UpdateUnitDto } from './dto/unit.dto.js';
import { UnitsRepository } from './units.repository.js';

@Injectable()
export class UnitsService {
  constructor(
    private readonly units: UnitsRepository,
    private readonly regions: RegionsService,
  ) {}

  async list(regionCode?: string, withBodiesAbove = false): Promise<UnitDto[]> {
    if (regionCode) await this.regions.get(regionCode);
    return this.units.list(regionCode, withBodiesAbove);
  }

  async create(dto: CreateUnitDto): Promise<UnitDto> {
    await this.requireRegion(dto.regionCode);
    if (await this.units.nameTaken(dto.name)) throw AppError.conflict('unit_exists', `A unit named ${dto.name} already exists`);
    const id = await this.units.insert(dto);
    return { id, name: dto.name, kind: dto.kind, regionCode: dto.regionCode };
  }

  async update(id: string, dto: UpdateUnitDto): Promise<UnitDto> {
    const unit = await this.units.find(id);
    if (!unit) throw AppError.notFound('单位');
    if (dto.name && (await this.units.nameTaken(dto.name, id))) throw AppError.conflict('unit_exists', `A unit named ${dto.name} already exists`);
    await this.units.update(id, dto);
    const { id: _id, name, kind, regionCode } = (await this.units.find(id))!;
    return { id: _id, name, kind, regionCode };
  }

  /** Units are never deleted (cases refer to them); they are deactivated. */
  async deactivate(id: string): Promise<void> {
    if (!(await this.units.find(id))) throw AppError.notFound('单位');
    await this.units.update(id, { active: false });
  }

  private async requireRegion(code: string) {
    try {
      await this.regions.get(code);
    } catch {
      throw AppError.unprocessable('unknown_region', `Region ${code} does not exist`, [{ field: 'regionCode', message: '行政区划不存在' }]);
    }
  }
}
