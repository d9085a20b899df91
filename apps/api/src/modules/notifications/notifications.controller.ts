import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from '../../core/auth/access.decorators.js';
import type { RequestUser } from '../../core/auth/request-user.js';
import { ListNotificationsQueryDto, NotificationDto, NotificationListDto, ReadAllResultDto } from './dto/notifications.dto.js';
import { NotificationsService } from './notifications.service.js';
import { UuidParamPipe } from '../../core/http/uuid-param.pipe.js';
import { ApiErrors, ApiProtected, ApiSummary } from '../../core/openapi/api-docs.decorators.js';

/** The caller's own inbox (overdue, supervision orders, reminders). */
@ApiTags('notifications')
@ApiBearerAuth()
@ApiProtected()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: NotificationListDto })
  @ApiSummary('The caller’s notifications, newest first')
  @ApiErrors(400)
  list(@CurrentUser() user: RequestUser, @Query() q: ListNotificationsQueryDto): Promise<NotificationListDto> {
    return this.notifications.list(user, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: ReadAllResultDto })
  @ApiSummary('Mark all the caller’s notifications read')
  readAll(@CurrentUser() user: RequestUser): Promise<ReadAllResultDto> {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: NotificationDto })
  @ApiSummary('Mark one notification read')
  @ApiErrors(404)
  read(@CurrentUser() user: RequestUser, @Param('id', UuidParamPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(user, id);
  }
}
