// Cases over the bundled (approximate) county polygons of 嘉兴市. No internet tiles.
import { useMemo } from 'react';
import { COUNTY_NAMES } from '../types/jiaxing.geo';
import { JIAXING_MAP_NAME } from '../types/jiaxing.geo';
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

export function JiaxingMap({ countyValues, points = [], height = 360, focus, onPointClick, onCountyClick, testId, compact }: Props) {
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
          p.seriesType === 'map' ? `${p.name}：${Number.isFinite(p.value) ? p.value : 0} 件` : p.name,
      },
      visualMap: countyValues && !compact
        ? {
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
        label: { show: true, fontSize: 11, color: '#17352a', textBorderColor: '#fff', textBorderWidth: 2 },
        itemStyle: { areaColor: '#eef6f0', borderColor: '#6aa27f', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#cde8d5' }, label: { color: '#14532d' } },
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
          symbolSize: focus ? 14 : 7,
          itemStyle: { color: '#1677ff', opacity: 0.8 },
          data: toData(normal),
          zlevel: 1,
        },
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          symbolSize: focus ? 16 : 9,
          itemStyle: { color: '#e5484d' },
          rippleEffect: { scale: 3 },
          data: toData(alerts),
          zlevel: 2,
        },
      ],
    };
  }, [countyValues, points, focus, compact]);

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
