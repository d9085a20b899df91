// Test data through the real API, typed by the same generated client the web uses.
import { PassThrough } from 'node:stream';
import createClient from 'openapi-fetch';
import { enterpriseWorkbook } from '../../../api/src/modules/enterprises/enterprise-xlsx';
import { writeLedgerWorkbook, type LedgerSheetRow } from '../../../api/src/modules/ledgers/ledger-xlsx';
import type { components, operations, paths } from '../../src/api/schema';
import { DEMO_PASSWORD, FENGQIAO } from './flows';
import { makePng } from './png';

export type Api = ReturnType<typeof createClient<paths>>;
type Schemas = components['schemas'];
export type CaseAction = operations['CasesController_act']['parameters']['path']['action'];

/** The data of an API answer, or an Error with the status and body. */
export async function must<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new Error(`API ${response.status} ${response.url}: ${JSON.stringify(error)}`);
  return data;
}

/** A client logged in as a demo user. */
export async function apiAs(baseUrl: string, username: string): Promise<Api> {
  const anon = createClient<paths>({ baseUrl });
  const tokens = await must(anon.POST('/api/v1/auth/login', { body: { username, password: DEMO_PASSWORD } }));
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${tokens.accessToken}` } });
}

/** A date `n` days from now in Asia/Shanghai (YYYY-MM-DD). */
export const day = (n: number) => new Date(Date.now() + n * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

/** An .xlsx in the import template, written by the API's own writer. */
export async function ledgerWorkbook(rows: LedgerSheetRow[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => out.on('end', resolve));
  await writeLedgerWorkbook(out, rows, { withExportColumns: false });
  await done;
  return Buffer.concat(chunks);
}

/** A new ledger (by dispatcher.city) with `rows` imported; one case per county, dispatched to the lead unit. */
export async function ledgerWith(baseUrl: string, rows: LedgerSheetRow[]) {
  const api = await apiAs(baseUrl, 'dispatcher.city');
  const ledger = await must(
    api.POST('/api/v1/ledgers', {
      body: { title: `E2E 督察交办问题整改台账 ${Date.now().toString(36)}`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '中央第三生态环境保护督察组', issuedDate: day(-5), dueDate: day(150) },
    }),
  );
  if (rows.length === 0) return must(api.GET('/api/v1/ledgers/{id}', { params: { path: { id: ledger.id } } }));
  const file = await ledgerWorkbook(rows);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'ledger.xlsx');
  await must(api.POST('/api/v1/ledgers/{id}/import', { params: { path: { id: ledger.id } }, body: { file: '' }, bodySerializer: () => form }));
  return must(api.GET('/api/v1/ledgers/{id}', { params: { path: { id: ledger.id } } }));
}

/** Enterprises added to the registry (企业名录) through its xlsx import, by dispatcher.nanhu. */
export async function importEnterprises(baseUrl: string, rows: Parameters<typeof enterpriseWorkbook>[0]) {
  const api = await apiAs(baseUrl, 'dispatcher.nanhu');
  const file = await enterpriseWorkbook(rows);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), '企业名录.xlsx');
  return must(api.POST('/api/v1/enterprises/import', { body: { file: '' }, bodySerializer: () => form }));
}

/** 凤桥镇, where the browser's geolocation puts grid.fengqiao001 (`lat`/`lng` of a case). */
export const AT_FENGQIAO = { lat: FENGQIAO.latitude, lng: FENGQIAO.longitude };

/** A case reported through the API: open burning found on patrol unless `fields` say otherwise; no location unless given. */
export async function reportCase(api: Api, title: string, fields: Partial<Schemas['CreateCaseDto']> = {}) {
  return must(api.POST('/api/v1/cases', { body: { title, description: '巡查发现，现场拍照取证。', category: 'air.open_burning', source: 'grid_patrol', severity: 'general', ...fields } }));
}

/** A case action through the API, at the case's current version. */
export async function act(api: Api, id: string, action: CaseAction, body: Omit<Schemas['CaseActionDto'], 'expectedVersion'> = {}) {
  const c = await must(api.GET('/api/v1/cases/{id}', { params: { path: { id } } }));
  return must(api.POST('/api/v1/cases/{id}/actions/{action}', { params: { path: { id, action } }, body: { expectedVersion: c.version, ...body } }));
}

/** A PNG photo (`seed` varies its pixels) uploaded as an attachment; its id. */
export async function upload(api: Api, name: string, seed: number): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(makePng(320, 240, seed))], { type: 'image/png' }), name);
  const a = await must(api.POST('/api/v1/attachments', { body: { file: '' } as never, bodySerializer: () => form }));
  return a.id;
}
