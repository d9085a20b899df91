// Realistic streams of machine alerts (DESIGN §10), for the demo data and `npm run simulate:alerts`:
// online monitoring of enterprises' outfalls and stacks (short blips, sustained episodes, a point
// that keeps exceeding), mobile surveys (走航) crossing VOC hot spots, high-point cameras and
// satellites seeing straw burning (several detections of one fire close together), and drones
// photographing dumping. Pure: the same seed gives the same stream.
import { rng } from '../seed/demo-cases.js';
import type { CreateAlertDto } from './dto/alerts.dto.js';

export interface StreamEnterprise {
  creditCode: string;
  regionCode: string;
  lat: number;
  lng: number;
  industry: string | null;
}

export interface StreamTown {
  code: string;
  lat: number;
  lng: number;
}

export interface StreamOptions {
  seed: number;
  /** The stream covers [from, to). */
  from: Date;
  to: Date;
  enterprises: StreamEnterprise[];
  towns: StreamTown[];
  /** Roughly how many alerts a day across all sources. */
  perDay?: number;
  /** Prefix of every externalId (a run's own ids, so a second run is not a replay). */
  runId?: string;
}

const WATER = [
  { pollutant: 'COD', limit: 100, unit: 'mg/L' },
  { pollutant: 'NH3-N', limit: 15, unit: 'mg/L' },
];
const STACK = [
  { pollutant: 'VOCs', limit: 60, unit: 'mg/m³' },
  { pollutant: 'SO2', limit: 200, unit: 'mg/m³' },
];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The alerts of the period, oldest first. */
export function alertStream(o: StreamOptions): CreateAlertDto[] {
  const r = rng(o.seed);
  const days = Math.max(1, (o.to.getTime() - o.from.getTime()) / 86_400_000);
  const total = Math.max(1, Math.round((o.perDay ?? 12) * days));
  const run = o.runId ?? `s${o.seed}`;
  const at = () => new Date(o.from.getTime() + r.next() * (o.to.getTime() - o.from.getTime()));
  const near = (lat: number, lng: number, metres: number) => ({
    lat: round(lat + ((r.next() - 0.5) * 2 * metres) / 111_000, 6),
    lng: round(lng + ((r.next() - 0.5) * 2 * metres) / 96_000, 6),
  });
  // One enterprise is the chronic offender: most monitoring alerts come from its outfall.
  const chronic = o.enterprises[0];
  const out: CreateAlertDto[] = [];
  let n = 0;
  const id = (kind: string) => `${run}-${kind}-${++n}`;

  while (out.length < total) {
    const kind = r.next();
    if (kind < 0.45 && o.enterprises.length) {
      const e = r.chance(0.4) && chronic ? chronic : r.pick(o.enterprises);
      const water = e.industry !== '化工' || r.chance(0.5);
      const m = r.pick(water ? WATER : STACK);
      const sustained = r.chance(0.3);
      out.push({
        source: 'online_monitoring',
        externalId: id('om'),
        pointId: `${e.creditCode}-${water ? 'WS01' : 'FQ01'}`,
        enterpriseCreditCode: e.creditCode,
        pollutant: m.pollutant,
        value: round(m.limit * (1.05 + r.next() * (sustained ? 1.5 : 0.6))),
        limit: m.limit,
        unit: m.unit,
        observedAt: at().toISOString(),
        durationMinutes: sustained ? r.int(60, 360) : r.int(5, 45),
        lat: e.lat,
        lng: e.lng,
        category: water ? 'water.outfall' : 'air.odor',
      });
    } else if (kind < 0.6 && o.towns.length) {
      const town = r.pick(o.towns);
      const cell = r.int(1, 6);
      out.push({
        source: 'mobile_survey',
        externalId: id('ms'),
        pointId: `MS-${town.code}-${cell}`,
        pollutant: 'VOCs',
        value: round(2 + r.next() * 6, 2),
        limit: 2,
        unit: 'mg/m³',
        observedAt: at().toISOString(),
        ...near(town.lat + cell * 0.004, town.lng - cell * 0.003, 30),
        category: 'air.odor',
        regionCode: town.code,
      });
    } else if (kind < 0.9 && o.towns.length) {
      // A fire: seen by a satellite and/or a high-point camera, one to three times within 100 m.
      const town = r.pick(o.towns);
      const spot = near(town.lat, town.lng, 3000);
      const first = at();
      for (let k = r.int(1, 3); k > 0; k--) {
        out.push({
          source: r.chance(0.5) ? 'satellite' : 'camera',
          externalId: id('fire'),
          observedAt: new Date(Math.min(first.getTime() + (3 - k) * r.int(3, 12) * 60_000, o.to.getTime() - 1000)).toISOString(),
          ...near(spot.lat, spot.lng, 60),
          confidence: round(0.6 + r.next() * 0.4, 2),
          category: 'air.open_burning',
          regionCode: town.code,
        } as CreateAlertDto);
      }
    } else if (o.towns.length) {
      const town = r.pick(o.towns);
      out.push({
        source: 'drone',
        externalId: id('uav'),
        observedAt: at().toISOString(),
        ...near(town.lat, town.lng, 2500),
        confidence: round(0.7 + r.next() * 0.3, 2),
        category: 'solid_waste.dumping',
        regionCode: town.code,
      });
    }
  }
  return out.sort((a, b) => a.observedAt.localeCompare(b.observedAt));
}
