import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { LeaderActions } from './leader-actions.js';

/** Leaders who act on cases (批示, 包案; DESIGN §13). */
@Module({ imports: [CasesModule, NotificationsModule], providers: [LeaderActions] })
export class LeadersModule {}
