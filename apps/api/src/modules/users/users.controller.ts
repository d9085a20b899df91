import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

class UserQueryDto {
  @ApiPropertyOptional({ description: 'this region and below' }) @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional({ description: 'text in the name or username' }) @IsOptional() @IsString() @MaxLength(64) q?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@ApiProtected()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorize('read', 'User')
  @ApiOkResponse({ type: [UserDto] })
  @ApiSummary('List users')
  @ApiErrors(400)
  list(@Query() query: UserQueryDto) {
    return this.users.list(query);
  }

  @Post()
  @Authorize('create', 'User')
  @ApiSummary('Create a user')
  @ApiCreatedResponse({ type: UserDto })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Authorize('update', 'User')
  @ApiSummary('Change a user')
  @ApiOkResponse({ type: UserDto })
  @ApiErrors(400, 404, 409)
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Delete(':id')
  @Authorize('delete', 'User')
  @HttpCode(204)
  @ApiSummary('Deactivate a user')
  @ApiNoContentResponse({ description: 'deactivated' })
  @ApiErrors(400, 404)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.users.deactivate(id);
  }
}
