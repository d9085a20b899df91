import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';
import { NotifyConfig } from './notify.config.js';
import { createOutboundChannel } from './outbound/channels.js';
import { OUTBOUND_CHANNEL } from './outbound/outbound-channel.js';

/** In-app notifications (the inbox API) and the outbound channel (log | webhook | sms). */
@Module({
  controllers: [NotificationsController],
  providers: [
    { provide: OUTBOUND_CHANNEL, inject: [NotifyConfig], useFactory: createOutboundChannel },
    NotificationsRepository,
    NotificationsService,
  ],
  exports: [NotificationsRepository, NotificationsService],
})
export class NotificationsModule {}
