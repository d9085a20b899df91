import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Authorize } from '../../core/auth/access.decorators.js';
import { CreateUserDto, UpdateUserDto, UserDto } from './dto/user.dto.js';
import { UsersService } from './users.service.js';

class UserQueryDto {
  @IsOptional() @IsString() @Matches(/^\d{6,12}$/) regionCode?: string;
  @IsOptional() @IsString() @MaxLength(64) q?: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authorize('read', 'User')
  @ApiOkResponse({ type: [UserDto] })
  list(@Query() query: UserQueryDto) {
    return this.users.list(query);
  }

  @Post()
  @Authorize('create', 'User')
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @Patch(':id')
  @Authorize('update', 'User')
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(id, dto);
  }

  @Delete(':id')
  @Authorize('delete', 'User')
  @HttpCode(204)
  async remove(@Param('id', ParseUUIDPipe) id: string) {
    await this.users.deactivate(id);
  }
}
