import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CaseEntity } from '../../cases/entities/case.entity.js';
import { RegionEntity } from '../../regions/entities/region.entity.js';
import { UserEntity } from '../../users/entities/user.entity.js';
import { EnterpriseEntity } from './enterprise.entity.js';

/** 约谈 (DESIGN §13): of a region's government or of an enterprise, with the follow-up case. */
@Entity('interview')
@Index('IDX_interview_region', ['regionCode', 'heldAt'])
@Index('IDX_interview_enterprise', ['enterpriseCreditCode'])
export class InterviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The region interviewed, or the enterprise's region. */
  @ForeignKey(() => RegionEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 12 })
  regionCode!: string;

  @ForeignKey(() => EnterpriseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'varchar', length: 18, nullable: true })
  enterpriseCreditCode!: string | null;

  @Column({ type: 'timestamptz' })
  heldAt!: Date;

  /** Who conducted it (约谈人 / 约谈机关). */
  @Column({ type: 'varchar', length: 128 })
  interviewer!: string;

  /** Who was interviewed and attended. */
  @Column({ type: 'text', array: true })
  attendees!: string[];

  /** 约谈要求 (整改要求). */
  @Column({ type: 'text' })
  demands!: string;

  @ForeignKey(() => CaseEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid', nullable: true })
  followUpCaseId!: string | null;

  @ForeignKey(() => UserEntity, { onDelete: 'RESTRICT' })
  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
