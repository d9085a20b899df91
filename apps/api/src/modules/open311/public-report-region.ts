import { countyAt } from '@ecoloop/workflow';

/** The region public reports go to when the client names none and gives no place in a county (the deployment's city). */
export const DEFAULT_PUBLIC_REGION = '330400';

/**
 * Where a public report lands (DESIGN §8): the jurisdiction the client named; otherwise the county
 * its coordinates lie in (point-in-polygon over the bundled county boundaries); otherwise the city.
 */
export function publicReportRegion(report: { jurisdiction_id?: string; lat?: number; long?: number }): string {
  if (report.jurisdiction_id) return report.jurisdiction_id;
  if (report.lat !== undefined && report.long !== undefined) return countyAt(report.long, report.lat) ?? DEFAULT_PUBLIC_REGION;
  return DEFAULT_PUBLIC_REGION;
}
