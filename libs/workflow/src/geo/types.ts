// The GeoJSON (RFC 7946) shapes of the bundled county boundaries.

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export interface CountyProps {
  name: string;
  /** GB/T 2260 code of the county. */
  adcode: string;
  /** Where the county's label goes, [lng, lat]. */
  center: [number, number];
}

export interface CountyFeature {
  type: 'Feature';
  properties: CountyProps;
  geometry: PolygonGeometry | MultiPolygonGeometry;
}

export interface CountyBoundaries {
  type: 'FeatureCollection';
  features: CountyFeature[];
}
