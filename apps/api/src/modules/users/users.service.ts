import { Injectable } from '@nestjs/common';
import { SessionVersions } from '../../core/auth/session-versions.js';
import { AppError } from '../../core/errors/app-error.js';
import { hashPassword } from '../auth/password.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { UnitsRepository } from '../units/units.repository.js';
import { toUserDto, type CreateUserDto, type UpdateUserDto, type UserDto } from './dto/user.dto.js';
import { UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly regions: RegionsRepository,
    private readonly units: UnitsRepository,
    private readonly sessions: SessionVersions,
  ) {}

  async list(filter: { regionCode?: string; q?: string }): Promise<UserDto[]> {
    return (await this.users.list(filter)).map(toUserDto);
  }

  async create(dto: CreateUserDto): Promise<UserDto> {
    await this.checkRefs(dto.regionCode, dto.unitId);
    if (await this.users.findCredentials(dto.username)) throw AppError.conflict('username_taken', `Username ${dto.username} is taken`);
    const id = await this.users.insert({
      username: dto.username,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      roles: dto.roles,
      unitId: dto.unitId ?? null,
      regionCode: dto.regionCode,
    });
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserDto> {
    await this.get(id);
    await this.checkRefs(dto.regionCode, dto.unitId);
    const { password, ...rest } = dto;
    await this.changed(id, await this.users.update(id, { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) }));
    return this.get(id);
  }

  async deactivate(id: string): Promise<void> {
    await this.get(id);
    await this.changed(id, await this.users.update(id, { active: false }));
  }

  /** Every change ends the user's sessions (DESIGN §5): tell every replica. */
  private async changed(id: string, version: number | null): Promise<void> {
    if (version !== null) await this.sessions.changed(id, version);
  }

  private async get(id: string): Promise<UserDto> {
    const user = await this.users.findView(id);
    if (!user) throw AppError.notFound('用户');
    return toUserDto(user);
  }

  private async checkRefs(regionCode?: string, unitId?: string | null) {
    if (regionCode && !(await this.regions.find(regionCode))) {
      throw AppError.unprocessable('unknown_region', `Region ${regionCode} does not exist`, [{ field: 'regionCode', message: '行政区划不存在' }]);
    }
    if (unitId && !(await this.units.find(unitId))) {
      throw AppError.unprocessable('unknown_unit', 'Unit does not exist', [{ field: 'unitId', message: '单位不存在' }]);
    }
  }
}
