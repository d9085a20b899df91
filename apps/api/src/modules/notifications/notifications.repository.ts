import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@ecoloop/workflow';
import type { NotificationDto } from './dto/notifications.dto.js';

/**
 * One notification for a group of people: the handlers of a unit and/or the staff (some roles) of
 * some regions. Each recipient gets one row with dedupe key `${dedupePrefix}:${userId}`, so a job
 * that runs twice writes nothing the second time.
 */
export interface AudienceNotification {
  dedupePrefix: string;
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  handlersOfUnitId: string | null;
  staffRegionCodes: string[];
  staffRoles: Role[];
  /** Particular users besides (e.g. the reporter of a case). */
  userIds?: string[];
  /** Never this user (the one whose action caused the notification). */
  exceptUserId?: string | null;
}

export interface InsertedNotification {
  userId: string;
  caseId: string | null;
  kind: string;
  dedupeKey: string;
  username: string;
  displayName: string;
}

const NOTIFICATION_SELECT = `n.id, n.kind, n.title, n.body, n.case_id AS "caseId", c.code AS "caseCode", n.read_at AS "readAt", n.created_at AS "createdAt"`;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the notifications of many audiences in one statement; returns only the rows actually written. */
  async insertForAudiences(m: EntityManager, items: AudienceNotification[]): Promise<InsertedNotification[]> {
    if (items.length === 0) return [];
    const rows = items.map((i) => ({
      dedupe_prefix: i.dedupePrefix,
      case_id: i.caseId,
      kind: i.kind,
      title: i.title.slice(0, 200),
      body: i.body,
      unit_id: i.handlersOfUnitId,
      region_codes: i.staffRegionCodes,
      roles: i.staffRoles,
      user_ids: i.userIds ?? [],
      except_user_id: i.exceptUserId ?? null,
    }));
    return m.query(
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x(dedupe_prefix text, case_id uuid, kind text, title text, body text, unit_id uuid, region_codes text[], roles text[], user_ids uuid[], except_user_id uuid)
       ), ins AS (
         INSERT INTO notification (user_id, case_id, kind, title, body, dedupe_key)
         SELECT DISTINCT ON (x.dedupe_prefix, u.id) u.id, x.case_id, x.kind, x.title, x.body, x.dedupe_prefix || ':' || u.id
           FROM x
           JOIN app_user u ON u.active AND (
                (x.unit_id IS NOT NULL AND u.unit_id = x.unit_id AND 'handler' = ANY (u.roles))
             OR (u.region_code = ANY (x.region_codes) AND u.roles && x.roles)
             OR u.id = ANY (x.user_ids))
           AND u.id IS DISTINCT FROM x.except_user_id
          ORDER BY x.dedupe_prefix, u.id
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING user_id, case_id, kind, dedupe_key
       )
       SELECT ins.user_id AS "userId", ins.case_id AS "caseId", ins.kind, ins.dedupe_key AS "dedupeKey",
              u.username, u.display_name AS "displayName"
         FROM ins JOIN app_user u ON u.id = ins.user_id
        ORDER BY ins.dedupe_key`,
      [JSON.stringify(rows)],
    );
  }

  async list(
    userId: string,
    q: { unread?: boolean; kind?: string[]; page: number; pageSize: number },
  ): Promise<{ items: NotificationDto[]; total: number; unread: number; unreadByKind: Record<string, number> }> {
    const onlyUnread = q.unread === true;
    const kinds = q.kind?.length ? q.kind : null;
    const filter = `n.user_id = $1 AND ($2::boolean IS FALSE OR n.read_at IS NULL) AND ($3::text[] IS NULL OR n.kind = ANY ($3::text[]))`;
    const [items, [{ total }], byKind] = await Promise.all([
      this.db.query(
        `SELECT ${NOTIFICATION_SELECT}
           FROM notification n LEFT JOIN "case" c ON c.id = n.case_id
          WHERE ${filter}
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT $4 OFFSET $5`,
        [userId, onlyUnread, kinds, q.pageSize, (q.page - 1) * q.pageSize],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM notification n WHERE ${filter}`, [userId, onlyUnread, kinds]),
      this.db.query(`SELECT kind, count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL GROUP BY kind`, [userId]) as Promise<{ kind: string; n: number }[]>,
    ]);
    const unreadByKind = Object.fromEntries(byKind.map((r) => [r.kind, r.n]));
    const unread = byKind.reduce((sum, r) => sum + r.n, 0);
    return { items: items.map(toDto), total, unread, unreadByKind };
  }

  /** Marks one of the user's notifications read; null when it is not theirs (or does not exist). */
  async markRead(userId: string, id: string): Promise<NotificationDto | null> {
    const rows = await this.db.query(
      `WITH u AS (
         UPDATE notification SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING *
       )
       SELECT ${NOTIFICATION_SELECT} FROM u n LEFT JOIN "case" c ON c.id = n.case_id`,
      [id, userId],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  async markAllRead(userId: string): Promise<number> {
    const [{ n }] = await this.db.query(
      `WITH u AS (UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM u`,
      [userId],
    );
    return n;
  }
}

function toDto(r: { id: string; kind: string; title: string; body: string; caseId: string | null; caseCode: string | null; readAt: Date | null; createdAt: Date }): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    caseId: r.caseId,
    caseCode: r.caseCode,
    read: r.readAt !== null,
    readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}
