// GET /stats/overview as the generated client types it.
import type { Schemas } from '../../../api';

export type Overview = Schemas['OverviewDto'];
export type CountyFigure = Schemas['CountyCountDto'];
export type OverviewPoint = Schemas['MapPointDto'];
