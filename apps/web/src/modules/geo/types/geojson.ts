// The few GeoJSON types the bundled map needs (RFC 7946).
export interface Polygon {
  type: 'Polygon';
  coordinates: number[][][];
}
export interface Feature<G, P> {
  type: 'Feature';
  properties: P;
  geometry: G;
}
export interface FeatureCollection<G, P> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}
