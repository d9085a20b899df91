// Cases over the bundled (approximate) county polygons of 嘉兴市. No internet tiles.
import { countyAt } from '@ecoloop/workflow';
import { useMemo } from 'react';
import { COUNTY_NAMES, JIAXING_COUNTIES_GEOJSON, JIAXING_MAP_NAME } from '../types/jiaxing.geo';
import { EChart, type EChartOption } from './EChart';

export interface MapPoint {
  id?: string;
  name: string;
  lng: number;
  lat: number;
  /** Drawn red and larger. */
  alert?: boolean;
}

interface Props {
  /** Counts per county code, shaded with a visual map. */
  countyValues?: Record<string, number>;
  /** A fill and a label per county code instead of the counts' shading (e.g. the risk warning's level). */
  countyColors?: Record<string, { color: string; label: string }>;
  points?: MapPoint[];
  height?: number;
  /** Zoom on the points (case detail) instead of the whole city. */
  focus?: { lng: number; lat: number };
  onPointClick?: (p: MapPoint) => void;
  onCountyClick?: (countyCode: string) => void;
  testId?: string;
  /** Small screens: no legend. */
  compact?: boolean;
}

const NAME_TO_CODE = Object.fromEntries(Object.entries(COUNTY_NAMES).map(([code, name]) => [name, code]));
/**
 * Where each county's name goes: the area centroid of its polygons (the dataset's own point is the
 * seat of government, and 南湖区's and 秀洲区's lie a few kilometres apart in the city, where their
 * names collide on a phone); the seat when the centroid falls outside the county.
 */
function labelPoint(f: (typeof JIAXING_COUNTIES_GEOJSON.features)[number]): [number, number] {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const ring of polys.map((p) => p[0])) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const c = x0 * y1 - x1 * y0;
      area += c;
      cx += (x0 + x1) * c;
      cy += (y0 + y1) * c;
    }
  }
  const point: [number, number] = [cx / (3 * area), cy / (3 * area)];
  return countyAt(point[0], point[1]) === f.properties.adcode ? point : f.properties.center;
}

/** The county names, drawn above the case markers. */
const COUNTY_LABELS = JIAXING_COUNTIES_GEOJSON.features.map((f) => ({ name: f.properties.name, value: labelPoint(f) }));

export function JiaxingMap({ countyValues, countyColors, points = [], height = 360, focus, onPointClick, onCountyClick, testId, compact }: Props) {
  const option = useMemo<EChartOption>(() => {
    const values = countyValues ?? {};
    const max = Math.max(1, ...Object.values(values));
    const normal = points.filter((p) => !p.alert);
    const alerts = points.filter((p) => p.alert);
    const toData = (ps: MapPoint[]) => ps.map((p) => ({ name: p.name, value: [p.lng, p.lat], id: p.id }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesType?: string; name: string; value?: unknown }) =>
          p.seriesType === 'map'
            ? countyColors
              ? `${p.name}：${countyColors[NAME_TO_CODE[p.name]]?.label ?? '无数据'}`
              : `${p.name}：${Number.isFinite(p.value) ? p.value : 0} 件`
            : p.name,
      },
      // On a phone the legend is hidden, not the shading; risk colours need no visual map.
      visualMap: countyValues && !countyColors
        ? {
            show: !compact,
            min: 0,
            max,
            left: 8,
            bottom: 8,
            text: ['多', '少'],
            calculable: false,
            itemWidth: 10,
            itemHeight: 80,
            seriesIndex: 0,
            inRange: { color: ['#f1f8f3', '#cfe9d7', '#92cba6', '#4f9d6d'] },
          }
        : undefined,
      geo: {
        map: JIAXING_MAP_NAME,
        roam: true,
        zoom: focus ? 3 : 1.1,
        center: focus ? [focus.lng, focus.lat] : undefined,
        // County names are a series of their own (below), above the markers.
        label: { show: false },
        itemStyle: { areaColor: '#eef6f0', borderColor: '#6aa27f', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#cde8d5' }, label: { show: false } },
        // Risk colours: each county filled with its own colour (no visual map).
        regions: countyColors
          ? Object.entries(COUNTY_NAMES).map(([code, name]) => ({
              name,
              itemStyle: { areaColor: countyColors[code]?.color ?? '#d9d9d9' },
              emphasis: { itemStyle: { areaColor: countyColors[code]?.color ?? '#d9d9d9', opacity: 0.8 } },
            }))
          : undefined,
      },
      series: [
        {
          type: 'map',
          map: JIAXING_MAP_NAME,
          geoIndex: 0,
          data: Object.entries(COUNTY_NAMES).map(([code, name]) => ({ name, value: values[code] ?? 0 })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: focus ? 14 : compact ? 5 : 7,
          itemStyle: { color: '#1677ff', opacity: 0.7 },
          data: toData(normal),
          zlevel: 1,
        },
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          symbolSize: focus ? 16 : compact ? 6 : 8,
          itemStyle: { color: '#e5484d', opacity: 0.85 },
          rippleEffect: { scale: compact ? 2 : 2.5 },
          data: toData(alerts),
          zlevel: 2,
        },
        {
          // The county names, on top of every marker; a name that would collide with another is left out.
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 0,
          silent: true,
          zlevel: 3,
          tooltip: { show: false },
          label: {
            show: true,
            formatter: '{b}',
            position: 'inside',
            fontSize: compact ? 11 : 12,
            fontWeight: 500,
            color: '#17352a',
            textBorderColor: '#fff',
            textBorderWidth: 3,
            backgroundColor: 'rgba(255,255,255,0.55)',
            padding: [1, 3],
            borderRadius: 3,
          },
          labelLayout: { hideOverlap: true },
          data: COUNTY_LABELS,
        },
      ],
    };
  }, [countyValues, countyColors, points, focus, compact]);

  return (
    <EChart
      option={option}
      style={{ height }}
      testId={testId}
      onClick={(p) => {
        if (p.componentType === 'series' && (p.seriesType === 'scatter' || p.seriesType === 'effectScatter')) {
          const d = p.data as { id?: string; name: string; value: [number, number] };
          onPointClick?.({ id: d.id, name: d.name, lng: d.value[0], lat: d.value[1] });
        } else if (p.name && NAME_TO_CODE[p.name]) {
          onCountyClick?.(NAME_TO_CODE[p.name]);
        }
      }}
    />
  );
}
