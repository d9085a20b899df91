import type { RiskFigures, RiskLevel } from '@ecoloop/workflow';
import { api } from './index';

export type { RiskFigures, RiskLevel };

/** One county's monthly risk warning (风险预警), GET /risk-warnings?month=YYYY-MM. */
export interface RiskWarning {
  regionCode: string;
  regionName: string;
  month: string;
  /** Counts of the cases reported in the month (Asia/Shanghai) in the county. */
  figures: RiskFigures;
  score: number;
  level: RiskLevel;
  /** 管控力指数: the share of problems the county found itself (0–100). */
  controlIndex: number;
  computedAt?: string;
}

export const riskWarningsApi = {
  list: (month: string) => api.get<RiskWarning[]>('/risk-warnings', { month }),
};
