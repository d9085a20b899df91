import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PetitionChannel, PetitionGrade, PetitionSnapshot } from '@ecoloop/workflow';
import { AppError } from '../../core/errors/app-error.js';
import type { PetitionerInputDto } from './dto/petition.dto.js';

/** A petition as stored: the machine's snapshot plus what the petitioner wrote. */
export interface PetitionRow extends PetitionSnapshot {
  caseId: string;
  content: string;
  request: string;
  petitionerCount: number;
}

export interface PetitionerRow {
  id: string;
  caseId: string;
  originalCaseId: string;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  anonymous: boolean;
}

const SNAPSHOT_COLUMNS = [
  ['state', 'state'],
  ['acceptedAt', 'accepted_at'],
  ['replyDueAt', 'reply_due_at'],
  ['replyCount', 'reply_count'],
  ['extensionUsed', 'extension_used'],
  ['repliedAt', 'replied_at'],
  ['satisfaction', 'satisfaction'],
  ['reviewRequestedAt', 'review_requested_at'],
  ['reviewDecidedAt', 'review_decided_at'],
  ['recheckRequestedAt', 'recheck_requested_at'],
  ['recheckDecidedAt', 'recheck_decided_at'],
] as const;

const SELECT = `p.case_id AS "caseId", p.channel, p.grade, p.received_at AS "receivedAt", p.content, p.request,
  ${SNAPSHOT_COLUMNS.map(([field, column]) => `p.${column} AS "${field}"`).join(', ')},
  (SELECT count(*)::int FROM petitioner pe WHERE pe.case_id = p.case_id) AS "petitionerCount"`;

const TIMES = ['receivedAt', 'acceptedAt', 'replyDueAt', 'repliedAt', 'reviewRequestedAt', 'reviewDecidedAt', 'recheckRequestedAt', 'recheckDecidedAt'] as const;

function toRow(raw: Record<string, unknown>): PetitionRow {
  const row = { ...raw } as Record<string, unknown>;
  for (const t of TIMES) row[t] = row[t] ? new Date(row[t] as string).toISOString() : null;
  return row as unknown as PetitionRow;
}

/**
 * The petition's writes, always on the EntityManager of the case write they belong to (creation or a
 * case action), so that petition, case event and deadlines commit together or not at all.
 */
@Injectable()
export class PetitionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    caseId: string,
    p: { channel: PetitionChannel; grade: PetitionGrade; content: string; request: string; snapshot: PetitionSnapshot },
    petitioners: PetitionerInputDto[],
  ): Promise<void> {
    const s = p.snapshot;
    await m.query(
      `INSERT INTO petition (case_id, channel, grade, received_at, content, request, state, reply_due_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [caseId, p.channel, p.grade, s.receivedAt, p.content, p.request, s.state, s.replyDueAt],
    );
    await m.query(
      `INSERT INTO petitioner (case_id, original_case_id, name, phone, id_number, anonymous)
       SELECT $1, $1, x.name, x.phone, x.id_number, x.anonymous
         FROM jsonb_to_recordset($2::jsonb) AS x(name text, phone text, id_number text, anonymous boolean)`,
      [
        caseId,
        JSON.stringify(
          petitioners.map((pe) => {
            const anonymous = pe.anonymous === true;
            // An anonymous petitioner leaves no name or id number behind; a phone may stay for the reply.
            return { name: anonymous ? null : (pe.name ?? null), phone: pe.phone ?? null, id_number: anonymous ? null : (pe.idNumber ?? null), anonymous };
          }),
        ),
      ],
    );
  }

  async find(caseId: string, m: EntityManager = this.db.manager): Promise<PetitionRow | null> {
    const [raw] = await m.query(`SELECT ${SELECT} FROM petition p WHERE p.case_id = $1`, [caseId]);
    return raw ? toRow(raw) : null;
  }

  async petitioners(caseId: string): Promise<PetitionerRow[]> {
    return this.db.query(
      `SELECT id, case_id AS "caseId", original_case_id AS "originalCaseId", name, phone, id_number AS "idNumber", anonymous
         FROM petitioner WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
  }

  /** Writes the machine's new snapshot; the caller's case write holds the case row (version checked). */
  async update(m: EntityManager, caseId: string, s: PetitionSnapshot): Promise<void> {
    const sets = SNAPSHOT_COLUMNS.map(([, column], i) => `${column} = $${i + 2}`).join(', ');
    await m.query(`UPDATE petition SET ${sets} WHERE case_id = $1`, [caseId, ...SNAPSHOT_COLUMNS.map(([field]) => s[field])]);
  }

  /**
   * Merge of a duplicate petition (DESIGN §9): every petitioner moves to the surviving petition (each
   * gets its reply and 回访). Refused when the target is no petition. (The merge's own case write
   * stops the duplicate's clocks.)
   */
  async mergeInto(m: EntityManager, fromCaseId: string, toCaseId: string): Promise<number> {
    const [target] = await m.query(`SELECT 1 FROM petition WHERE case_id = $1 FOR UPDATE`, [toCaseId]);
    if (!target) {
      throw AppError.unprocessable('merge_target_not_petition', '信访件只能合并到另一件信访件', [{ field: 'targetCaseId', message: '目标案件不是信访件' }]);
    }
    const moved = await m.query(`UPDATE petitioner SET case_id = $2 WHERE case_id = $1 RETURNING id`, [fromCaseId, toCaseId]);
    const rows = (Array.isArray(moved[0]) ? moved[0] : moved) as unknown[];
    return rows.length;
  }

  /** The bureau a petition's documents are issued in the name of: the nearest (branch) bureau above its region. */
  async bureauName(regionPath: string): Promise<string> {
    const rows: { name: string; kind: string; level: number }[] = await this.db.query(
      `SELECT u.name, u.kind, array_length(string_to_array(r.path, '.'), 1) AS level
         FROM unit u JOIN region r ON r.code = u.region_code
        WHERE u.kind = 'bureau' AND u.active AND ($1 = r.path OR $1 LIKE r.path || '.%')
        ORDER BY level DESC, u.kind`,
      [regionPath],
    );
    const nearest = rows[0];
    const city = rows.at(-1);
    if (!nearest || !city) return '生态环境局';
    // A branch is named after its parent bureau on paper: 嘉兴市生态环境局南湖分局.
    return nearest !== city && !nearest.name.startsWith(city.name) ? `${city.name}${nearest.name}` : nearest.name;
  }

  async exists(caseId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const [row] = await m.query(`SELECT 1 FROM petition WHERE case_id = $1`, [caseId]);
    return !!row;
  }
}
