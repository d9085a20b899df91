import type { HealthCode } from '@ecoloop/workflow';
import type { Case } from '../modules/cases/types';
import { api } from './index';

export type { HealthCode };

/** GET /enterprises/:creditCode: the enterprise, its health code (rated from all its cases) and its cases in scope. */
export interface Enterprise {
  creditCode: string;
  name: string;
  regionCode: string;
  regionName: string;
  address: string | null;
  industry: string | null;
  healthCode: HealthCode;
  healthReasons: string[];
  cases: Case[];
}

export const enterprisesApi = {
  get: (creditCode: string) => api.get<Enterprise>(`/enterprises/${encodeURIComponent(creditCode.trim().toUpperCase())}`),
};
