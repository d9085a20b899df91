import { PublicReportEntity } from '../../modules/open311/entities/public-report.entity.js';
import { AlertPolicyEntity } from '../../modules/alerts/entities/alert-policy.entity.js';
import { AlertEntity } from '../../modules/alerts/entities/alert.entity.js';
import { ApiKeyEntity } from '../../modules/alerts/entities/api-key.entity.js';
import { RefreshTokenEntity } from '../../modules/auth/entities/refresh-token.entity.js';
import { AttachmentEntity } from '../../modules/attachments/entities/attachment.entity.js';
import { CaseEventEntity } from '../../modules/cases/entities/case-event.entity.js';
import { CaseEntity } from '../../modules/cases/entities/case.entity.js';
import { IdempotencyKeyEntity } from '../../modules/cases/entities/idempotency-key.entity.js';
import { DeadlinePolicyEntity } from '../../modules/deadlines/entities/deadline-policy.entity.js';
import { DeadlineEntity } from '../../modules/deadlines/entities/deadline.entity.js';
import { WorkCalendarEntity } from '../../modules/deadlines/entities/work-calendar.entity.js';
import { EnforcementTransferEntity } from '../../modules/cases/entities/enforcement-transfer.entity.js';
import { CreditRepairEntity } from '../../modules/enterprises/entities/credit-repair.entity.js';
import { EnterpriseCodeHistoryEntity } from '../../modules/enterprises/entities/enterprise-code-history.entity.js';
import { EnterpriseEntity } from '../../modules/enterprises/entities/enterprise.entity.js';
import { InterviewEntity } from '../../modules/enterprises/entities/interview.entity.js';
import { LedgerActionEntity } from '../../modules/ledgers/entities/ledger-action.entity.js';
import { LedgerEventEntity } from '../../modules/ledgers/entities/ledger-event.entity.js';
import { LedgerItemEntity } from '../../modules/ledgers/entities/ledger-item.entity.js';
import { LedgerProgressEntity } from '../../modules/ledgers/entities/ledger-progress.entity.js';
import { LedgerEntity } from '../../modules/ledgers/entities/ledger.entity.js';
import { PetitionEntity } from '../../modules/petitions/entities/petition.entity.js';
import { PetitionerEntity } from '../../modules/petitions/entities/petitioner.entity.js';
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
  LedgerActionEntity,
  LedgerItemEntity,
  LedgerProgressEntity,
  LedgerEventEntity,
  EnterpriseEntity,
  EnterpriseCodeHistoryEntity,
  CreditRepairEntity,
  EnforcementTransferEntity,
  InterviewEntity,
  RiskWarningEntity,
  PetitionEntity,
  PetitionerEntity,
  ApiKeyEntity,
  AlertEntity,
  AlertPolicyEntity,
  PublicReportEntity,
];
