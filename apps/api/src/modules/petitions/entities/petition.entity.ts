import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { PetitionChannel, PetitionGrade, PetitionState, Satisfaction } from '@ecoloop/workflow';
import { CaseEntity } from '../../cases/entities/case.entity.js';

/**
 * The petition (信访) record of a case whose source is a petition channel (DESIGN §9). Its state is
 * the petition machine's, independent of the case's; it changes only inside a case action's
 * transaction (the case's version guards both), with the case's hash-chained event.
 */
@Entity('petition')
@Check('CHK_petition_state', `"state" IN ('registered','accepted','declined','replied','concluded','under_review','reviewed','under_recheck','final')`)
@Check('CHK_petition_channel', `"channel" IN ('letter','visit','phone','online','hotline_12345','hotline_12369','inspection_transfer')`)
@Check('CHK_petition_grade', `"grade" IN ('general','key','group')`)
@Check('CHK_petition_satisfaction', `"satisfaction" IS NULL OR "satisfaction" IN ('satisfied','basically_satisfied','dissatisfied')`)
export class PetitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  @ForeignKey(() => CaseEntity, { onDelete: 'CASCADE' })
  caseId!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: PetitionChannel;

  @Column({ type: 'varchar', length: 16 })
  grade!: PetitionGrade;

  @Index('IDX_petition_received')
  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  /** 信访内容: what the petitioner reports. */
  @Column({ type: 'text' })
  content!: string;

  /** 信访请求: what the petitioner asks for. */
  @Column({ type: 'text' })
  request!: string;

  @Index('IDX_petition_state')
  @Column({ type: 'varchar', length: 16 })
  state!: PetitionState;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** The reply limit now running (after any extension); null when no reply is owed. */
  @Column({ type: 'timestamptz', nullable: true })
  replyDueAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  replyCount!: number;

  @Column({ type: 'boolean', default: false })
  extensionUsed!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  repliedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  satisfaction!: Satisfaction | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewRequestedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewDecidedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  recheckRequestedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  recheckDecidedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
