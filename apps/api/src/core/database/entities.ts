import { RefreshTokenEntity } from '../../modules/auth/entities/refresh-token.entity.js';
import { AttachmentEntity } from '../../modules/attachments/entities/attachment.entity.js';
import { CaseEventEntity } from '../../modules/cases/entities/case-event.entity.js';
import { CaseEntity } from '../../modules/cases/entities/case.entity.js';
import { IdempotencyKeyEntity } from '../../modules/cases/entities/idempotency-key.entity.js';
import { DeadlinePolicyEntity } from '../../modules/deadlines/entities/deadline-policy.entity.js';
import { DeadlineEntity } from '../../modules/deadlines/entities/deadline.entity.js';
import { WorkCalendarEntity } from '../../modules/deadlines/entities/work-calendar.entity.js';
import { EnterpriseEntity } from '../../modules/enterprises/entities/enterprise.entity.js';
import { LedgerEventEntity } from '../../modules/ledgers/entities/ledger-event.entity.js';
import { LedgerItemEntity } from '../../modules/ledgers/entities/ledger-item.entity.js';
import { LedgerProgressEntity } from '../../modules/ledgers/entities/ledger-progress.entity.js';
import { LedgerEntity } from '../../modules/ledgers/entities/ledger.entity.js';
import { NotificationEntity } from '../../modules/notifications/entities/notification.entity.js';
import { RiskWarningEntity } from '../../modules/risk-warnings/entities/risk-warning.entity.js';
import { RegionEntity } from '../../modules/regions/entities/region.entity.js';
import { UnitEntity } from '../../modules/units/entities/unit.entity.js';
import { UserEntity } from '../../modules/users/entities/user.entity.js';

/** Every entity of the schema. A new entity is added here and gets a migration in /migrations. */
export const ENTITIES = [
  RegionEntity,
  UnitEntity,
  UserEntity,
  RefreshTokenEntity,
  CaseEntity,
  CaseEventEntity,
  AttachmentEntity,
  DeadlineEntity,
  DeadlinePolicyEntity,
  WorkCalendarEntity,
  NotificationEntity,
  IdempotencyKeyEntity,
  LedgerEntity,
  LedgerItemEntity,
  LedgerProgressEntity,
  LedgerEventEntity,
  EnterpriseEntity,
  RiskWarningEntity,
];
