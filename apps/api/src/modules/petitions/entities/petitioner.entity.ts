import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PetitionEntity } from './petition.entity.js';

/**
 * A person who petitioned (PII, DESIGN §5): read by dispatchers of the jurisdiction only, never in
 * lists, exports, events or notifications. `caseId` is the petition the person is on now (a merged
 * duplicate's petitioners move to the surviving petition); `originalCaseId` the one they filed.
 */
@Entity('petitioner')
export class PetitionerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_petitioner_case')
  @ForeignKey(() => PetitionEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  caseId!: string;

  @ForeignKey(() => PetitionEntity, { onDelete: 'CASCADE' })
  @Column({ type: 'uuid' })
  originalCaseId!: string;

  /** null when the petitioner is anonymous. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  name!: string | null;

  @Index('IDX_petitioner_phone')
  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  /** 居民身份证号码 (18 characters). */
  @Index('IDX_petitioner_id_number')
  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumber!: string | null;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
