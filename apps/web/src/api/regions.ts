import { api } from './index';

export interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode?: string | null;
  /** Codes from the top down, dot-separated (330400.330402.330402101). */
  path?: string;
  children?: RegionNode[];
}

export interface Unit {
  id: string;
  name: string;
  kind?: string;
  regionCode: string;
}

export const regionsApi = {
  tree: () => api.get<RegionNode[]>('/regions'),
};

export const unitsApi = {
  list: (regionCode?: string) => api.get<Unit[]>('/units', { regionCode }),
};
