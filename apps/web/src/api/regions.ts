import { client, ok, type Schemas } from './http';

export type RegionNode = Schemas['RegionNodeDto'];
export type Unit = Schemas['UnitDto'];

export const regionsApi = {
  tree: () => ok(client.GET('/api/v1/regions')),
};

export const unitsApi = {
  list: (regionCode?: string) => ok(client.GET('/api/v1/units', { params: { query: { regionCode } } })),
  /** Units that may take a case of `regionCode`: those of its subtree and the departments and outside bodies above it (§11). */
  assignable: (regionCode: string) => ok(client.GET('/api/v1/units', { params: { query: { regionCode, withBodiesAbove: true } } })),
};
