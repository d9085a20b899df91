// A position on the real county boundaries of 嘉兴市 with a pin that is dragged (or the map tapped)
// to correct it. No internet tiles: the bundled polygons only, labelled with the county names.
import { useEffect, useRef } from 'react';
import { JIAXING_MAP_NAME } from '../types/jiaxing.geo';
import { echarts } from './EChart';

export interface PickerMarker {
  lng: number;
  lat: number;
  name: string;
}

interface Props {
  lat?: number;
  lng?: number;
  /** The pin was dragged or the map tapped: the new position (6 decimals). */
  onChange(lat: number, lng: number): void;
  /** Other things to show near the pin (likely duplicate cases). */
  markers?: PickerMarker[];
  height?: number;
  testId?: string;
}

const CITY_CENTER: [number, number] = [120.76, 30.75];
const round6 = (v: number) => Number(v.toFixed(6));

/** The pin's graphic: its tip is the position (0, 0 of the group). */
function pinGraphic(x: number, y: number, onDragEnd: (x: number, y: number) => void) {
  return {
    id: 'pin',
    type: 'group',
    x,
    y,
    z: 100,
    draggable: true,
    cursor: 'move',
    children: [
      { type: 'polygon', shape: { points: [[-8, -16], [8, -16], [0, 0]] }, style: { fill: '#d93036' } },
      { type: 'circle', shape: { cx: 0, cy: -22, r: 11 }, style: { fill: '#e5484d', stroke: '#fff', lineWidth: 2 } },
      { type: 'circle', shape: { cx: 0, cy: -22, r: 4 }, style: { fill: '#fff' } },
    ],
    ondragend(this: { x: number; y: number }) {
      onDragEnd(this.x, this.y);
    },
  };
}

export function LocationPicker({ lat, lng, onChange, markers = [], height = 260, testId }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pos = useRef<[number, number] | null>(null);
  const pinShown = useRef(false);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;

  const has = typeof lat === 'number' && typeof lng === 'number';

  /** Puts the pin over the current position (after a move, a zoom or a pan). */
  const placePin = () => {
    const c = chart.current;
    const node = el.current;
    if (!c || !node) return;
    if (!pos.current) {
      // (removing a graphic that was never drawn throws inside ECharts)
      if (pinShown.current) c.setOption({ graphic: [{ id: 'pin', $action: 'remove' }] });
      pinShown.current = false;
      return;
    }
    const px = c.convertToPixel({ geoIndex: 0 }, pos.current) as number[] | undefined;
    if (!px) return;
    const moved = (x: number, y: number) => {
      const coord = c.convertFromPixel({ geoIndex: 0 }, [x, y]) as number[] | undefined;
      if (coord) changeRef.current(round6(coord[1]), round6(coord[0]));
    };
    c.setOption({ graphic: [pinGraphic(px[0], px[1], moved)] });
    pinShown.current = true;
    // Where the pin is drawn, for tests and for assistive text.
    node.dataset.pinX = String(Math.round(px[0]));
    node.dataset.pinY = String(Math.round(px[1]));
  };

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.setOption({
      geo: {
        map: JIAXING_MAP_NAME,
        roam: true,
        zoom: pos.current ? 6 : 1.1,
        center: pos.current ?? CITY_CENTER,
        scaleLimit: { min: 1, max: 40 },
        label: { show: true, fontSize: 12, color: '#17352a', textBorderColor: '#fff', textBorderWidth: 2 },
        itemStyle: { areaColor: '#eef6f0', borderColor: '#4f9d6d', borderWidth: 1.5 },
        emphasis: { disabled: true },
        select: { disabled: true },
      },
      series: [{ type: 'scatter', coordinateSystem: 'geo', symbolSize: 10, itemStyle: { color: '#1677ff', borderColor: '#fff', borderWidth: 1 }, data: [], silent: true }],
    });
    c.on('georoam', () => placePin());
    c.on('finished', () => el.current?.setAttribute('data-rendered', 'true'));
    // A tap on the map (not on the pin) moves the pin there.
    c.getZr().on('click', (e: { offsetX: number; offsetY: number; target?: { parent?: unknown; id?: unknown } | null }) => {
      let t = e.target as { id?: unknown; parent?: unknown } | null | undefined;
      while (t) {
        if (t.id === 'pin') return;
        t = t.parent as typeof t;
      }
      const coord = c.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      if (coord && Number.isFinite(coord[0]) && Number.isFinite(coord[1])) changeRef.current(round6(coord[1]), round6(coord[0]));
    });
    const ro = new ResizeObserver(() => {
      c.resize();
      placePin();
    });
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
    // once: the chart lives as long as the component
  }, []);

  // A new position: centre on it when it came from outside the map (locating, typed coordinates)
  // or lies off screen; a drag or a tap leaves the view alone.
  useEffect(() => {
    const c = chart.current;
    const node = el.current;
    if (!c || !node) return;
    const before = pos.current;
    pos.current = has ? [lng!, lat!] : null;
    node.dataset.lat = has ? String(lat) : '';
    node.dataset.lng = has ? String(lng) : '';
    if (has) {
      const px = c.convertToPixel({ geoIndex: 0 }, pos.current!) as number[] | undefined;
      const w = node.clientWidth;
      const h = node.clientHeight;
      const offScreen = !px || px[0] < 16 || px[1] < 32 || px[0] > w - 16 || px[1] > h - 8;
      if (!before || offScreen) {
        const geo = (c.getOption() as { geo?: { zoom?: number }[] }).geo?.[0];
        c.setOption({ geo: { center: pos.current, zoom: Math.max(geo?.zoom ?? 1, 6) } });
      }
    }
    placePin();
    // placePin reads refs only: the position is what changes
  }, [lat, lng, has]);

  useEffect(() => {
    chart.current?.setOption({ series: [{ data: markers.map((m) => ({ name: m.name, value: [m.lng, m.lat] })) }] });
  }, [markers]);

  return <div ref={el} className="location-picker" style={{ width: '100%', height }} data-testid={testId} role="img" aria-label="位置地图：拖动红色图钉或点击地图修正位置" />;
}
