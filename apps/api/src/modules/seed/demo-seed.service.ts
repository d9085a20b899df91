import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD, DEMO_REGIONS, DEMO_UNITS, DEMO_USERS } from './demo-data.js';

/**
 * Loads DESIGN §8's demo organisation. Idempotent: every insert is ON CONFLICT DO NOTHING, so a
 * second start adds nothing and never overwrites what an admin changed.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seedOrganisation(): Promise<{ regions: number; units: number; users: number }> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.db.transaction(async (m) => {
      let regions = 0;
      const paths = new Map<string, string>();
      for (const r of DEMO_REGIONS) {
        const path = r.parentCode ? `${paths.get(r.parentCode)}.${r.code}` : r.code;
        paths.set(r.code, path);
        const res = await m.query(
          `INSERT INTO region (code, name, level, parent_code, path) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING code`,
          [r.code, r.name, r.level, r.parentCode, path],
        );
        regions += res.length;
      }
      let units = 0;
      for (const u of DEMO_UNITS) {
        const res = await m.query(`INSERT INTO unit (name, kind, region_code) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id`, [
          u.name,
          u.kind,
          u.regionCode,
        ]);
        units += res.length;
      }
      const unitIds = new Map<string, string>(
        (await m.query(`SELECT id, name FROM unit WHERE name = ANY($1)`, [DEMO_UNITS.map((u) => u.name)])).map((r: { id: string; name: string }) => [
          DEMO_UNITS.find((u) => u.name === r.name)!.key,
          r.id,
        ]),
      );
      let users = 0;
      for (const u of DEMO_USERS) {
        const res = await m.query(
          `INSERT INTO app_user (username, password_hash, display_name, roles, unit_id, region_code)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING RETURNING id`,
          [u.username, passwordHash, u.displayName, u.roles, u.unitKey ? unitIds.get(u.unitKey) : null, u.regionCode],
        );
        users += res.length;
      }
      if (regions + units + users > 0) this.logger.log(`demo organisation: +${regions} regions, +${units} units, +${users} users`);
      return { regions, units, users };
    });
  }
}
