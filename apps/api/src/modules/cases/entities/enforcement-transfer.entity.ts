import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../users/entities/user.entity.js';
import { CaseEntity } from './case.entity.js';

/**
 * 移交执法 (DESIGN §13): written with the case's `transfer_enforcement` event, in its transaction.
 * A later transfer of the same case (e.g. once the penalty is decided) adds a row.
 */
@Entity('enforcement_transfer')
@Index('IDX_enforcement_transfer_case', ['caseId', 'eventSeq'], { unique: true })
@Index('IDX_enforcement_transfer_enterprise', ['enterpriseCreditCode'])
export class EnforcementTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ForeignKey(() => CaseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  caseId!: string;

  /** The case event that recorded it. */
  @Column({ type: 'integer' })
  eventSeq!: number;

  /** The case's enterprise at the time. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  enterpriseCreditCode!: string | null;

  /** 立案号. */
  @Column({ type: 'varchar', length: 64 })
  caseNumber!: string;

  /** 行政处罚决定书文号. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  penaltyDecisionNo!: string | null;

  /** Fine in yuan. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  fine!: string | null;

  /** 移送公安. */
  @Column({ type: 'boolean', default: false })
  policeReferral!: boolean;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  actorId!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
