// 嘉兴市 and its 7 counties as a tiny bundled GeoJSON, so maps need no internet tiles.
// APPROXIMATE: hand-made polygons over shared vertices around the counties' true positions
// (嘉兴 lies around 120.3–121.3E, 30.3–31.0N). Good for a dashboard overview, not for surveying.
// Codes follow DESIGN §8 (GB/T 2260).
import type { FeatureCollection, Polygon } from './geojson';

export interface CountyProps {
  name: string;
  adcode: string;
  center: [number, number];
}

export const JIAXING_MAP_NAME = 'jiaxing';
export const JIAXING_CITY_CODE = '330400';

export const JIAXING_COUNTIES_GEOJSON: FeatureCollection<Polygon, CountyProps> = {
  type: 'FeatureCollection',
  features: [
    {"type":"Feature","properties":{"name":"南湖区","adcode":"330402","center":[120.792,30.675]},"geometry":{"type":"Polygon","coordinates":[[[120.66,30.56],[120.8,30.55],[120.92,30.62],[120.95,30.78],[120.8,30.84],[120.62,30.7],[120.66,30.56]]]}},
    {"type":"Feature","properties":{"name":"秀洲区","adcode":"330411","center":[120.625,30.855]},"geometry":{"type":"Polygon","coordinates":[[[120.6,30.8],[120.62,30.7],[120.8,30.84],[120.72,30.98],[120.56,30.96],[120.45,30.85],[120.6,30.8]]]}},
    {"type":"Feature","properties":{"name":"嘉善县","adcode":"330421","center":[120.898,30.922]},"geometry":{"type":"Polygon","coordinates":[[[120.8,30.84],[120.95,30.78],[121.05,30.88],[121.02,31.02],[120.85,31.03],[120.72,30.98],[120.8,30.84]]]}},
    {"type":"Feature","properties":{"name":"海盐县","adcode":"330424","center":[120.926,30.526]},"geometry":{"type":"Polygon","coordinates":[[[120.85,30.4],[120.98,30.48],[121.08,30.58],[120.92,30.62],[120.8,30.55],[120.85,30.4]]]}},
    {"type":"Feature","properties":{"name":"海宁市","adcode":"330481","center":[120.564,30.47]},"geometry":{"type":"Polygon","coordinates":[[[120.45,30.36],[120.65,30.34],[120.85,30.4],[120.8,30.55],[120.66,30.56],[120.5,30.52],[120.3,30.58],[120.3,30.45],[120.45,30.36]]]}},
    {"type":"Feature","properties":{"name":"平湖市","adcode":"330482","center":[121.101,30.72]},"geometry":{"type":"Polygon","coordinates":[[[120.92,30.62],[121.08,30.58],[121.25,30.62],[121.28,30.72],[121.18,30.84],[121.05,30.88],[120.95,30.78],[120.92,30.62]]]}},
    {"type":"Feature","properties":{"name":"桐乡市","adcode":"330483","center":[120.49,30.684]},"geometry":{"type":"Polygon","coordinates":[[[120.5,30.52],[120.66,30.56],[120.62,30.7],[120.6,30.8],[120.45,30.85],[120.3,30.78],[120.3,30.58],[120.5,30.52]]]}},
  ],
};

export const COUNTY_NAMES: Record<string, string> = Object.fromEntries(
  JIAXING_COUNTIES_GEOJSON.features.map((f) => [f.properties.adcode, f.properties.name]),
);
