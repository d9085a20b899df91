import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { openStateSql } from '@ecoloop/workflow';
import { trigramSimilarity } from './text-similarity.js';

export interface PublicReportRow {
  caseId: string;
  token: string;
  email: string | null;
  mediaUrl: string | null;
  deviceId: string | null;
  accountId: string | null;
  addressId: string | null;
  attributes: Record<string, unknown>;
  apiKeyId: string | null;
}

/** A public case as GeoReport v2 shows it, with the case it duplicates (if any). */
export interface PublicRequestRow {
  code: string;
  state: string;
  category: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  dueAt: Date | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  agency: string | null;
  mediaUrl: string | null;
  addressId: string | null;
  original: { code: string; state: string; dueAt: string | null; agency: string | null } | null;
  duplicates: number;
}

export interface RequestsFilter {
  /** The jurisdiction's region path: only requests inside it. */
  regionPath: string;
  codes?: string[];
  serviceCodes?: string[];
  statuses?: ('open' | 'closed')[];
  start: Date;
  end: Date;
  page: number;
  pageSize: number;
}

const SELECT = `c.code, c.state, c.category, c.description, c.created_at AS "createdAt", c.updated_at AS "updatedAt", c.due_at AS "dueAt",
  c.address, c.lat, c.lng, lu.name AS agency, p.media_url AS "mediaUrl", p.address_id AS "addressId",
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('code', o.code, 'state', o.state, 'dueAt', o.due_at, 'agency', ou.name) END AS original,
  (SELECT count(*)::int FROM "case" d WHERE d.duplicate_of_id = c.id AND d.source = 'public') AS duplicates`;
const FROM = `"case" c LEFT JOIN unit lu ON lu.id = c.lead_unit_id LEFT JOIN public_report p ON p.case_id = c.id
  LEFT JOIN "case" o ON o.id = c.duplicate_of_id LEFT JOIN unit ou ON ou.id = o.lead_unit_id`;

@Injectable()
export class Open311Repository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, r: PublicReportRow): Promise<void> {
    await m.query(
      `INSERT INTO public_report (case_id, token, email, media_url, device_id, account_id, address_id, attributes, api_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.caseId, r.token, r.email, r.mediaUrl, r.deviceId, r.accountId, r.addressId, JSON.stringify(r.attributes), r.apiKeyId],
    );
  }

  async codeOfToken(token: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT c.code FROM public_report p JOIN "case" c ON c.id = p.case_id WHERE p.token = $1`, [token]);
    return rows[0]?.code ?? null;
  }

  async find(code: string): Promise<PublicRequestRow | null> {
    const rows = await this.db.query(`SELECT ${SELECT} FROM ${FROM} WHERE c.code = $1 AND c.source = 'public'`, [code]);
    return rows[0] ?? null;
  }

  /** GET requests: by ids (which override every other filter, as the spec says), or by the filters. */
  async list(f: RequestsFilter): Promise<PublicRequestRow[]> {
    const where = [`c.source = 'public'`, `(c.region_path = $1 OR c.region_path LIKE $1 || '.%')`];
    const params: unknown[] = [f.regionPath];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (f.codes) {
      add('c.code = ANY (?::text[])', f.codes);
    } else {
      add('c.created_at >= ?', f.start);
      add('c.created_at < ?', f.end);
      if (f.serviceCodes) add('c.category = ANY (?::text[])', f.serviceCodes);
      // Both statuses (or none) filter nothing.
      if (f.statuses && f.statuses.length === 1) where.push(openStateSql('c.state', f.statuses[0] !== 'open'));
    }
    return this.db.query(
      `SELECT ${SELECT} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      params,
    );
  }

  /**
   * The first open public report this one repeats: same category, within `radiusMeters` (or the
   * same address), reported within `days`, with a similar text (trigram similarity ≥ `threshold`,
   * computed in code so that it does not depend on the database's locale).
   */
  async duplicateOf(
    m: EntityManager,
    r: { category: string; lat: number | null; lng: number | null; address: string | null; description: string; at: Date },
    opts = { radiusMeters: 300, days: 7, threshold: 0.3, candidates: 50 },
  ): Promise<{ id: string; code: string } | null> {
    const rows: { id: string; code: string; description: string | null }[] = await m.query(
      `SELECT c.id, c.code, c.description FROM "case" c
        WHERE c.source = 'public' AND c.category = $1 AND ${openStateSql('c.state')} AND c.duplicate_of_id IS NULL
          AND c.created_at >= $2::timestamptz - make_interval(days => $3::int)
          AND (($4::float8 IS NOT NULL AND c.lat IS NOT NULL
                AND 2 * 6371000 * asin(sqrt(power(sin(radians(c.lat - $4::float8) / 2), 2) + cos(radians($4::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - $5::float8) / 2), 2))) <= $6::float8)
               OR ($7::text IS NOT NULL AND c.address = $7::text))
        ORDER BY c.created_at, c.id LIMIT $8`,
      [r.category, r.at, opts.days, r.lat, r.lng, opts.radiusMeters, r.address, opts.candidates],
    );
    let best: { id: string; code: string; score: number } | null = null;
    for (const row of rows) {
      const score = trigramSimilarity(row.description ?? '', r.description);
      if (score >= opts.threshold && (!best || score > best.score)) best = { id: row.id, code: row.code, score };
    }
    return best && { id: best.id, code: best.code };
  }
}
