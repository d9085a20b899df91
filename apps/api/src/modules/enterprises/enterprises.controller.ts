import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authorize, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { EnterprisesService } from './enterprises.service.js';

@ApiTags('enterprises')
@ApiBearerAuth()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  /** The enterprise with its environmental health code (green / yellow / red) and its cases in scope. */
  @Get(':creditCode')
  @Authorize('read', 'Enterprise')
  get(@CurrentUser() user: RequestUser, @Param('creditCode') creditCode: string) {
    return this.enterprises.get(user, creditCode.toUpperCase());
  }
}
