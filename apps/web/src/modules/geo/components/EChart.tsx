// A thin React wrapper over ECharts (tree-shaken core; the Jiaxing map registered once).
import { BarChart, LineChart, MapChart, PieChart, ScatterChart, EffectScatterChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type CSSProperties } from 'react';
import { JIAXING_COUNTIES_GEOJSON, JIAXING_MAP_NAME } from '../types/jiaxing.geo';
import { useReducedMotion } from '../../../lib/useReducedMotion';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  EffectScatterChart,
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  LabelLayout,
]);

/** The configured ECharts core (components and the Jiaxing map registered), for charts that need the instance. */
export { echarts };
echarts.registerMap(JIAXING_MAP_NAME, JIAXING_COUNTIES_GEOJSON as unknown as Parameters<typeof echarts.registerMap>[1]);

export type EChartOption = echarts.EChartsCoreOption;

interface Props {
  option: EChartOption;
  style?: CSSProperties;
  className?: string;
  onClick?: (params: { name?: string; data?: unknown; seriesType?: string; componentType?: string }) => void;
  testId?: string;
}

export function EChart({ option, style, className, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p as never));
    // `data-rendered` marks a chart whose animation has finished (tests wait for it before screenshots).
    c.on('finished', () => ref.current?.setAttribute('data-rendered', 'true'));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  const reducedMotion = useReducedMotion();
  useEffect(() => {
    const drawn = reducedMotion ? stillOption(option) : option;
    // effect series animate for ever and never report 'finished': no marker for those
    const series = (Array.isArray(drawn.series) ? drawn.series : [drawn.series]) as { type?: string }[];
    if (series.some((x) => x?.type === 'effectScatter')) ref.current?.removeAttribute('data-rendered');
    else ref.current?.setAttribute('data-rendered', 'false');
    chart.current?.setOption(drawn, { notMerge: true });
  }, [option, reducedMotion]);

  return <div ref={ref} className={className} style={{ width: '100%', height: 320, ...style }} data-testid={testId} />;
}

/** The chart drawn at once, without animation; pulsing markers (effect scatter) become plain ones. */
function stillOption(option: EChartOption): EChartOption {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return {
    ...option,
    animation: false,
    series: series.map((x: { type?: string }) => (x?.type === 'effectScatter' ? { ...x, type: 'scatter' } : x)),
  };
}
