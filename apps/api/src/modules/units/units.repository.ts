import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CROSS_JURISDICTION_KINDS, type UnitDto } from './dto/unit.dto.js';

const COLUMNS = `u.id, u.name, u.kind, u.region_code AS "regionCode"`;

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Active units whose region is `regionCode` or below it (all when absent); with `withBodiesAbove`,
   * also the departments and outside bodies registered above it (they may take its cases, §11).
   */
  list(regionCode?: string, withBodiesAbove = false): Promise<UnitDto[]> {
    if (!regionCode) return this.db.query(`SELECT ${COLUMNS} FROM unit u WHERE u.active ORDER BY u.region_code, u.name`);
    return this.db.query(
      `WITH target AS (SELECT path FROM region WHERE code = $1)
       SELECT ${COLUMNS} FROM unit u JOIN region r ON r.code = u.region_code, target t
        WHERE u.active AND (r.path = t.path OR r.path LIKE t.path || '.%'
              OR ($2 AND u.kind = ANY($3) AND t.path LIKE r.path || '.%'))
        ORDER BY length(u.region_code), u.region_code, u.name`,
      [regionCode, withBodiesAbove, CROSS_JURISDICTION_KINDS],
    );
  }

  async find(id: string): Promise<(UnitDto & { active: boolean; regionPath: string }) | null> {
    const rows = await this.db.query(
      `SELECT ${COLUMNS}, u.active, r.path AS "regionPath" FROM unit u JOIN region r ON r.code = u.region_code WHERE u.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insert(u: { name: string; kind: string; regionCode: string }): Promise<string> {
    const [row] = await this.db.query(`INSERT INTO unit (name, kind, region_code) VALUES ($1, $2, $3) RETURNING id`, [u.name, u.kind, u.regionCode]);
    return row.id;
  }

  async update(id: string, v: { name?: string; kind?: string; active?: boolean }): Promise<void> {
    await this.db.query(`UPDATE unit SET name = COALESCE($2, name), kind = COALESCE($3, kind), active = COALESCE($4, active) WHERE id = $1`, [
      id,
      v.name ?? null,
      v.kind ?? null,
      v.active ?? null,
    ]);
  }

  async nameTaken(name: string, exceptId?: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM unit WHERE name = $1 AND id IS DISTINCT FROM $2`, [name, exceptId ?? null]);
    return rows.length > 0;
  }
}
