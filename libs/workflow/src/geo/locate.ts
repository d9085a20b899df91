// Which county a point lies in, from the bundled real boundaries (DESIGN §8): public reports that
// name no jurisdiction land in the right county instead of the city.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { JIAXING_COUNTIES } from './jiaxing-counties.js';

/** The GB/T 2260 code of the county containing (lng, lat), or null outside every county. */
export function countyAt(lng: number, lat: number): string | null {
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
  const point: [number, number] = [lng, lat];
  const hit = JIAXING_COUNTIES.features.find((f) => booleanPointInPolygon(point, f.geometry));
  return hit?.properties.adcode ?? null;
}
