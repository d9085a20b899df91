import { Inject, Injectable, Logger } from '@nestjs/common';
import type { RequestUser } from '../../core/auth/request-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ListNotificationsQueryDto, NotificationDto, NotificationListDto } from './dto/notifications.dto.js';
import { NotificationsRepository } from './notifications.repository.js';
import { OUTBOUND_CHANNEL, type OutboundChannel, type OutboundMessage } from './outbound/outbound-channel.js';
import { isUuid } from '../../core/http/uuid.js';

/** The caller's inbox, and the outbound channel for urgent messages. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    @Inject(OUTBOUND_CHANNEL) private readonly outbound: OutboundChannel,
  ) {}

  async list(user: RequestUser, q: ListNotificationsQueryDto): Promise<NotificationListDto> {
    return { ...(await this.notifications.list(user.id, q)), page: q.page, pageSize: q.pageSize };
  }

  /** Only the caller's own notifications: anybody else's id answers 404. */
  async markRead(user: RequestUser, id: string): Promise<NotificationDto> {
    const row = isUuid(id) ? await this.notifications.markRead(user.id, id) : null;
    if (!row) throw AppError.notFound('通知');
    return row;
  }

  async markAllRead(user: RequestUser): Promise<{ updated: number }> {
    return { updated: await this.notifications.markAllRead(user.id) };
  }

  /**
   * Sends urgent messages through the configured channel. Called after the transaction that
   * decided them has committed; a failure is logged and never reaches the caller.
   */
  async sendOutbound(messages: OutboundMessage[]): Promise<void> {
    await Promise.all(
      messages.map((m) =>
        this.outbound.send(m).catch((err: unknown) => {
          this.logger.error(`outbound ${this.outbound.name} message for case ${m.caseCode} failed: ${(err as Error)?.message ?? err}`);
        }),
      ),
    );
  }
}
