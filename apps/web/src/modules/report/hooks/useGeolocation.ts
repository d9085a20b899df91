import { useCallback, useState } from 'react';

export type GeoState =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'ok'; lat: number; lng: number; accuracy: number }
  | { kind: 'error'; message: string };

function explain(err: GeolocationPositionError | Error): string {
  if ('code' in err) {
    if (err.code === err.PERMISSION_DENIED) return '未获得定位权限，请在浏览器设置中允许定位，或手动输入坐标';
    if (err.code === err.POSITION_UNAVAILABLE) return '暂时无法获取位置，请到开阔处重试或手动输入坐标';
    if (err.code === err.TIMEOUT) return '定位超时，请重试或手动输入坐标';
  }
  return err.message || '定位失败，请手动输入坐标';
}

/** One-shot position from navigator.geolocation (needs https or localhost on most phones). */
export function useGeolocation() {
  const [state, setState] = useState<GeoState>({ kind: 'idle' });
  const locate = useCallback(
    () =>
      new Promise<GeoState>((resolve) => {
        if (!('geolocation' in navigator)) {
          const s: GeoState = { kind: 'error', message: '此设备或浏览器不支持定位，请手动输入坐标' };
          setState(s);
          resolve(s);
          return;
        }
        setState({ kind: 'locating' });
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            const s: GeoState = {
              kind: 'ok',
              lat: Number(pos.coords.latitude.toFixed(6)),
              lng: Number(pos.coords.longitude.toFixed(6)),
              accuracy: Math.round(pos.coords.accuracy),
            };
            setState(s);
            resolve(s);
          },
          (err) => {
            const s: GeoState = { kind: 'error', message: explain(err) };
            setState(s);
            resolve(s);
          },
          { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
        );
      }),
    [],
  );
  return { state, locate };
}
