import { useQuery } from '@tanstack/react-query';
import { regionsApi, type RegionNode } from '../../../api/regions';
import { queryClient } from '../../../lib/queryClient';

const KEY = ['regions'];

/** After an admin changes regions: the tree is fetched again. */
export function resetRegionsCache(): void {
  void queryClient.invalidateQueries({ queryKey: KEY });
}

/** The region tree (GET /regions), shared by every page through the query cache. */
export function useRegions(): { tree: RegionNode[]; loading: boolean } {
  const q = useQuery({ queryKey: KEY, queryFn: () => regionsApi.tree(), staleTime: 10 * 60_000 });
  return { tree: q.data ?? [], loading: q.isPending };
}

export interface RegionTreeOption {
  value: string;
  title: string;
  children?: RegionTreeOption[];
}

/** For antd TreeSelect; grids are left out to keep the picker short. */
export function toTreeOptions(nodes: RegionNode[], maxLevel = 'town'): RegionTreeOption[] {
  const order = ['province', 'city', 'county', 'town', 'village', 'grid'];
  const limit = order.indexOf(maxLevel);
  return nodes.map((n) => ({
    value: n.code,
    title: n.name,
    children:
      n.children && n.children.length && order.indexOf(n.children[0].level) <= limit
        ? toTreeOptions(n.children, maxLevel)
        : undefined,
  }));
}

/** code → name over the whole tree. */
export function regionNames(nodes: RegionNode[], into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    into.set(n.code, n.name);
    if (n.children) regionNames(n.children, into);
  }
  return into;
}

/** code → node over the whole tree. */
export function regionIndex(nodes: RegionNode[], into = new Map<string, RegionNode>()): Map<string, RegionNode> {
  for (const n of nodes) {
    into.set(n.code, n);
    if (n.children) regionIndex(n.children, into);
  }
  return into;
}

/** The county code of any region code below it (330402100001 → 330402). */
export function countyCodeOf(regionCode: string | null | undefined): string | undefined {
  if (!regionCode || regionCode.length < 6) return undefined;
  return regionCode.slice(0, 6);
}
