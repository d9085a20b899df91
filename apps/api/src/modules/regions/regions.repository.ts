import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RegionRow } from './dto/region.dto.js';

const COLUMNS = `code, name, level, parent_code AS "parentCode", path`;

@Injectable()
export class RegionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  all(): Promise<RegionRow[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM region ORDER BY path`);
  }

  async find(code: string): Promise<RegionRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM region WHERE code = $1`, [code]);
    return rows[0] ?? null;
  }

  async insert(r: RegionRow & { boundary?: object | null }): Promise<void> {
    await this.db.query(`INSERT INTO region (code, name, level, parent_code, path, boundary) VALUES ($1, $2, $3, $4, $5, $6)`, [
      r.code,
      r.name,
      r.level,
      r.parentCode,
      r.path,
      r.boundary ?? null,
    ]);
  }

  async update(code: string, values: { name?: string; boundary?: object }): Promise<void> {
    await this.db.query(`UPDATE region SET name = COALESCE($2, name), boundary = COALESCE($3, boundary) WHERE code = $1`, [
      code,
      values.name ?? null,
      values.boundary ?? null,
    ]);
  }

  /** How many rows refer to the region (children, units, users, cases); 0 means it may be deleted. */
  async references(code: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*) FROM region WHERE parent_code = $1)
            + (SELECT count(*) FROM unit WHERE region_code = $1)
            + (SELECT count(*) FROM app_user WHERE region_code = $1)
            + (SELECT count(*) FROM "case" WHERE region_code = $1) AS n`,
      [code],
    );
    return Number(row.n);
  }

  async delete(code: string): Promise<void> {
    await this.db.query(`DELETE FROM region WHERE code = $1`, [code]);
  }
}
