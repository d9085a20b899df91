import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { openStateSql } from '@ecoloop/workflow';
import type { AlertDto, AlertPolicyDto, ListAlertsQueryDto } from './dto/alerts.dto.js';

export interface StoredAlert {
  id: string;
  source: string;
  requestHash: string;
  grade: string;
  caseId: string | null;
  folded: boolean;
}

export interface NewAlertRow {
  id: string;
  source: string;
  externalId: string;
  apiKeyId: string;
  requestHash: string;
  pointId: string | null;
  enterpriseCreditCode: string | null;
  pollutant: string | null;
  value: number | null;
  limit: number | null;
  unit: string | null;
  observedAt: Date;
  durationMinutes: number | null;
  lat: number;
  lng: number;
  confidence: number | null;
  category: string;
  imageAttachmentId: string | null;
  regionCode: string;
  regionPath: string;
  grade: string;
  caseId: string | null;
  folded: boolean;
  notifiedPhone: string | null;
}

/** Where an alert is: its point, or (no point id: fire points, photos) a circle around it of one category. */
export interface AlertPlace {
  source: string;
  pointId: string | null;
  category: string;
  lat: number;
  lng: number;
  radiusMeters: number;
}

/** Great-circle distance in metres between the alert columns and ($lat, $lng) (haversine). */
const distance = (lat: string, lng: string) =>
  `(2 * 6371000 * asin(sqrt(power(sin(radians(a.lat - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(a.lat)) * power(sin(radians(a.lng - ${lng}) / 2), 2))))`;

/** Alerts at the same place: the same point, or within the radius and of the same category. */
function samePlace(p: AlertPlace, params: unknown[]): string {
  if (p.pointId) {
    params.push(p.source, p.pointId);
    return `a.source = $${params.length - 1} AND a.point_id = $${params.length}`;
  }
  params.push(p.category, p.lat, p.lng, p.radiusMeters, p.radiusMeters / 111_000);
  const [cat, lat, lng, radius, deg] = [params.length - 4, params.length - 3, params.length - 2, params.length - 1, params.length];
  const [la, ln, d] = [`$${lat}::float8`, `$${lng}::float8`, `$${deg}::float8`];
  return `a.point_id IS NULL AND a.category = $${cat} AND a.lat BETWEEN ${la} - ${d} AND ${la} + ${d} AND ${distance(la, ln)} <= $${radius}::float8`;
}

const ALERT_COLUMNS = `a.id, a.source, a.external_id AS "externalId", a.point_id AS "pointId", a.enterprise_credit_code AS "enterpriseCreditCode",
  a.pollutant, a.value, a."limit", a.unit, a.observed_at AS "observedAt", a.duration_minutes AS "durationMinutes", a.lat, a.lng,
  a.category, a.region_code AS "regionCode", a.grade, a.case_id AS "caseId", c.code AS "caseCode", a.folded, a.received_at AS "receivedAt"`;

@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async policy(source: string, m: EntityManager = this.db.manager): Promise<AlertPolicyDto> {
    const rows: AlertPolicyDto[] = await m.query(
      `SELECT source, sustained_minutes AS "sustainedMinutes", fold_window_hours AS "foldWindowHours", repeat_count AS "repeatCount",
              repeat_window_days AS "repeatWindowDays", fold_radius_meters AS "foldRadiusMeters"
         FROM alert_policy WHERE source IN ($1, 'default') ORDER BY (source = 'default') LIMIT 1`,
      [source],
    );
    if (!rows[0]) throw new Error('alert_policy has no default row');
    return rows[0];
  }

  async policies(): Promise<AlertPolicyDto[]> {
    return this.db.query(
      `SELECT source, sustained_minutes AS "sustainedMinutes", fold_window_hours AS "foldWindowHours", repeat_count AS "repeatCount",
              repeat_window_days AS "repeatWindowDays", fold_radius_meters AS "foldRadiusMeters"
         FROM alert_policy ORDER BY (source <> 'default'), source`,
    );
  }

  async putPolicy(p: AlertPolicyDto): Promise<void> {
    await this.db.query(
      `INSERT INTO alert_policy (source, sustained_minutes, fold_window_hours, repeat_count, repeat_window_days, fold_radius_meters)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (source) DO UPDATE SET sustained_minutes = EXCLUDED.sustained_minutes, fold_window_hours = EXCLUDED.fold_window_hours,
         repeat_count = EXCLUDED.repeat_count, repeat_window_days = EXCLUDED.repeat_window_days,
         fold_radius_meters = EXCLUDED.fold_radius_meters, updated_at = now()`,
      [p.source, p.sustainedMinutes, p.foldWindowHours, p.repeatCount, p.repeatWindowDays, p.foldRadiusMeters],
    );
  }

  async findByExternal(m: EntityManager, source: string, externalId: string): Promise<StoredAlert | null> {
    const rows: StoredAlert[] = await m.query(
      `SELECT id, source, request_hash AS "requestHash", grade, case_id AS "caseId", folded FROM alert WHERE source = $1 AND external_id = $2`,
      [source, externalId],
    );
    return rows[0] ?? null;
  }

  /** Serialises alerts of one place (and of one (source, externalId)) until the transaction ends. */
  async lockPlace(m: EntityManager, p: AlertPlace, externalId: string): Promise<void> {
    const place = p.pointId ? `point:${p.source}:${p.pointId}` : `area:${p.category}`;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1)), pg_advisory_xact_lock(hashtext($2))`, [`alert:${place}`, `alert-ext:${p.source}:${externalId}`]);
  }

  /** The open case that an alert at the same place joined or opened within the window, newest first. */
  async openCaseAt(m: EntityManager, p: AlertPlace, since: Date): Promise<string | null> {
    const params: unknown[] = [since];
    const rows: { caseId: string }[] = await m.query(
      `SELECT a.case_id AS "caseId" FROM alert a JOIN "case" c ON c.id = a.case_id
        WHERE a.observed_at >= $1 AND ${openStateSql('c.state')} AND ${samePlace(p, params)}
        ORDER BY a.observed_at DESC LIMIT 1`,
      params,
    );
    return rows[0]?.caseId ?? null;
  }

  /** How many alerts the place had since `since` (before this one). */
  async countAt(m: EntityManager, p: AlertPlace, since: Date): Promise<number> {
    const params: unknown[] = [since];
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM alert a WHERE a.observed_at >= $1 AND ${samePlace(p, params)}`, params);
    return n;
  }

  async insert(m: EntityManager, a: NewAlertRow): Promise<void> {
    const cols = Object.keys(a);
    const names = cols.map((c) => `"${c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}"`);
    await m.query(
      `INSERT INTO alert (${names.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((c) => a[c as keyof NewAlertRow]),
    );
  }

  /**
   * Marks the enterprise's health code for recomputation, in the alert's transaction (the enterprise
   * module decides which alerts are exceedances, and reads them on the next read).
   */
  async markEnterpriseStale(m: EntityManager, creditCode: string): Promise<void> {
    await m.query(`UPDATE enterprise SET health_stale = true WHERE credit_code = $1 AND NOT health_stale`, [creditCode]);
  }

  /** The enterprise's region and contact phone (if the registry has one). */
  async enterprise(m: EntityManager, creditCode: string): Promise<{ name: string; regionCode: string; contactPhone: string | null } | null> {
    const rows = await m.query(
      `SELECT name, region_code AS "regionCode", NULLIF(to_jsonb(e) ->> 'contact_phone', '') AS "contactPhone" FROM enterprise e WHERE credit_code = $1`,
      [creditCode],
    );
    return rows[0] ?? null;
  }

  async list(q: ListAlertsQueryDto, paths: string[] | null): Promise<{ items: AlertDto[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (paths) {
      params.push(paths);
      where.push(`EXISTS (SELECT 1 FROM unnest($${params.length}::text[]) p WHERE a.region_path = p OR a.region_path LIKE p || '.%')`);
    }
    if (q.source) add('a.source = ?', q.source);
    if (q.pointId) add('a.point_id = ?', q.pointId);
    if (q.enterpriseCreditCode) add('a.enterprise_credit_code = ?', q.enterpriseCreditCode);
    if (q.grade) add('a.grade = ?', q.grade);
    if (q.caseId) add('a.case_id = ?', q.caseId);
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM alert a ${filter}`, params);
    const rows = await this.db.query(
      `SELECT ${ALERT_COLUMNS} FROM alert a LEFT JOIN "case" c ON c.id = a.case_id ${filter}
        ORDER BY a.observed_at DESC, a.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return {
      total,
      items: rows.map((r: AlertDto & { observedAt: Date; receivedAt: Date }) => ({
        ...r,
        observedAt: new Date(r.observedAt).toISOString(),
        receivedAt: new Date(r.receivedAt).toISOString(),
      })),
    };
  }
}
