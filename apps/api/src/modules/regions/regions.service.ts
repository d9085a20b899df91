import { Injectable } from '@nestjs/common';
import { levelRank } from '@ecoloop/workflow';
import { AppError } from '../../core/errors/app-error.js';
import { toRegionTree, type CreateRegionDto, type RegionNodeDto, type RegionRow, type UpdateRegionDto } from './dto/region.dto.js';
import { RegionsRepository } from './regions.repository.js';

@Injectable()
export class RegionsService {
  constructor(private readonly regions: RegionsRepository) {}

  async tree(): Promise<RegionNodeDto[]> {
    return toRegionTree(await this.regions.all());
  }

  async get(code: string): Promise<RegionRow> {
    const region = await this.regions.find(code);
    if (!region) throw AppError.notFound('行政区划');
    return region;
  }

  async create(dto: CreateRegionDto): Promise<RegionRow> {
    if (await this.regions.find(dto.code)) throw AppError.conflict('region_exists', `Region ${dto.code} already exists`);
    let path = dto.code;
    if (dto.parentCode) {
      const parent = await this.regions.find(dto.parentCode);
      if (!parent) throw AppError.unprocessable('unknown_parent', `Parent region ${dto.parentCode} does not exist`, [{ field: 'parentCode', message: '行政区划不存在' }]);
      if (!dto.code.startsWith(parent.code)) throw AppError.unprocessable('bad_code', 'A region code starts with its parent code', [{ field: 'code', message: `must start with ${parent.code}` }]);
      if (levelRank(dto.level) <= levelRank(parent.level)) throw AppError.unprocessable('bad_level', `A ${dto.level} cannot be under a ${parent.level}`, [{ field: 'level', message: '层级须低于上级区划' }]);
      path = `${parent.path}.${dto.code}`;
    }
    const row: RegionRow = { code: dto.code, name: dto.name, level: dto.level, parentCode: dto.parentCode ?? null, path };
    await this.regions.insert({ ...row, boundary: dto.boundary });
    return row;
  }

  async update(code: string, dto: UpdateRegionDto): Promise<RegionRow> {
    await this.get(code);
    await this.regions.update(code, dto);
    return this.get(code);
  }

  async delete(code: string): Promise<void> {
    await this.get(code);
    if ((await this.regions.references(code)) > 0) throw AppError.conflict('region_in_use', 'The region still has sub-regions, units, users or cases');
    await this.regions.delete(code);
  }
}
