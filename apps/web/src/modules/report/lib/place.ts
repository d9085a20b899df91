// Naming a place from a position without any online service: the county from the bundled real
// boundaries (the same point-in-polygon that locates public reports on the server), the town from
// the reporter's own jurisdiction when it lies in that county (towns have no bundled boundaries).
import { countyAt } from '@ecoloop/workflow';
import type { RegionNode } from '../../../api/regions';
import { COUNTY_NAMES } from '../../geo/types/jiaxing.geo';

export interface Place {
  /** GB/T 2260 code of the county containing the point, null outside 嘉兴市. */
  countyCode: string | null;
  countyName: string | null;
  townName: string | null;
  /** e.g. 嘉兴市南湖区凤桥镇附近; null outside 嘉兴市. */
  text: string | null;
}

/** The chain of regions from the root down to `code` (empty when not in the tree). */
export function regionChain(nodes: RegionNode[], code: string): RegionNode[] {
  for (const n of nodes) {
    if (n.code === code) return [n];
    // (a city's code is no prefix of its counties' codes: 330400 → 330402)
    if (n.children?.length) {
      const below = regionChain(n.children, code);
      if (below.length) return [n, ...below];
    }
  }
  return [];
}

export function describePlace(lng: number, lat: number, homeRegionCode: string | undefined, tree: RegionNode[]): Place {
  const countyCode = countyAt(lng, lat);
  if (!countyCode) return { countyCode: null, countyName: null, townName: null, text: null };
  const countyName = COUNTY_NAMES[countyCode] ?? null;
  const chain = homeRegionCode ? regionChain(tree, homeRegionCode) : [];
  const town = chain.find((r) => r.level === 'town' && r.code.startsWith(countyCode));
  const townName = town?.name ?? null;
  return { countyCode, countyName, townName, text: `嘉兴市${countyName ?? ''}${townName ?? ''}附近` };
}
