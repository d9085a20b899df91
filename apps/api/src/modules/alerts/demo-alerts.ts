import { createHash, randomBytes } from 'node:crypto';
import { Logger, type INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TOWNS } from '../seed/demo-cases.js';
import { DEMO_ENTERPRISES } from '../seed/demo-data.js';
import { alertStream } from './alert-streams.js';
import { AlertsService } from './alerts.service.js';
import type { ApiKeyPrincipal } from './api-keys.service.js';
import { ALERT_SOURCES } from './dto/alerts.dto.js';

const KEY_NAMES: Record<string, string> = {
  online_monitoring: '演示：污染源在线监控平台',
  mobile_survey: '演示：走航监测车',
  camera: '演示：高位瞭望视频',
  drone: '演示：无人机巡查',
  satellite: '演示：卫星遥感火点',
};

/**
 * DESIGN §8: the demo's machine alerts — three weeks of the realistic stream, posted through the
 * real intake (grading, folding, cases, city 督办 on repeats), each at its own time. Only while no
 * alert exists. The demo keys' secrets are not kept (admins issue real ones).
 */
export async function seedDemoAlerts(app: INestApplicationContext, now = new Date()): Promise<number> {
  const db = app.get<DataSource>(getDataSourceToken());
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM alert`);
  if (n > 0) return 0;
  const keys = new Map<string, ApiKeyPrincipal>();
  for (const source of ALERT_SOURCES) {
    const [{ id }] = await db.query(
      `INSERT INTO api_key (name, source, region_code, key_hash, key_prefix) VALUES ($1, $2, '330400', $3, 'elk_demo') RETURNING id`,
      [KEY_NAMES[source], source, createHash('sha256').update(randomBytes(32)).digest('hex')],
    );
    keys.set(source, { id, name: KEY_NAMES[source], source, regionCode: '330400' });
  }
  const townOf = new Map(TOWNS.map((t) => [t.code, t]));
  const enterprises = DEMO_ENTERPRISES.flatMap((e, i) => {
    const town = townOf.get(e.regionCode);
    return town ? [{ creditCode: e.creditCode, regionCode: e.regionCode, industry: e.industry, lat: town.lat + 0.01 * (i + 1), lng: town.lng - 0.008 * (i + 1) }] : [];
  });
  const stream = alertStream({
    seed: 20261201,
    from: new Date(now.getTime() - 21 * 86_400_000),
    to: new Date(now.getTime() - 30 * 60_000),
    enterprises,
    towns: TOWNS.map((t) => ({ code: t.code, lat: t.lat, lng: t.lng })),
    perDay: 4,
    runId: 'demo',
  });
  const alerts = app.get(AlertsService);
  for (const a of stream) await alerts.ingest(keys.get(a.source)!, a, new Date(new Date(a.observedAt).getTime() + 2 * 60_000));
  new Logger('DemoAlerts').log(`demo alerts: ${stream.length}`);
  return stream.length;
}
