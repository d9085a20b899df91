import type { RequestUser } from '../core/auth/request-user.js';
import { demoActor, demoUsers } from '../modules/ledgers/demo-ledger-support.js';
import type { TestApp } from './test-app.js';

/** A real 1×1 PNG: its magic bytes make it an image whatever it is called. */
export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export async function uploadPng(t: TestApp, username: string, name = 'photo.png'): Promise<string> {
  const res = await t.http().post('/api/v1/attachments').set('Authorization', await t.tokenOf(username)).attach('file', PNG_1X1, name);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function unitId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.db.query(`SELECT id FROM unit WHERE name = $1`, [name]);
  return row.id;
}

let counter = 0;
export async function reportCase(t: TestApp, username: string, body: Record<string, unknown> = {}) {
  counter += 1;
  const res = await t
    .http()
    .post('/api/v1/cases')
    .set('Authorization', await t.tokenOf(username))
    .send({
      title: `测试问题 ${Date.now()}-${counter}`,
      description: '河道边有秸秆焚烧，烟雾较大',
      category: 'air.dust',
      source: 'grid_patrol',
      severity: 'general',
      ...body,
    });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Runs an action with the case's current version; returns the raw response. */
export async function act(t: TestApp, username: string, caseId: string, action: string, payload: Record<string, unknown> = {}) {
  const auth = await t.tokenOf(username);
  const current = await t.http().get(`/api/v1/cases/${caseId}`).set('Authorization', auth);
  const version = current.body.version ?? 1;
  return t.http().post(`/api/v1/cases/${caseId}/actions/${action}`).set('Authorization', auth).send({ expectedVersion: version, ...payload });
}

/** Like act, but fails the test unless the action succeeds. */
export async function must(t: TestApp, username: string, caseId: string, action: string, payload: Record<string, unknown> = {}) {
  const res = await act(t, username, caseId, action, payload);
  if (res.status !== 200) throw new Error(`${username} ${action} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

/** A user as the services see them once signed in: for writing a history at chosen times. */
export async function userOf(t: TestApp, username: string): Promise<RequestUser> {
  const user = await demoUsers(t.app, t.db).byName(username);
  if (!user) throw new Error(`no active user ${username}`);
  return user;
}

/**
 * Like must, through the service, as if it happened at `at`. A test whose figures depend on how long
 * things took (on time or late) writes its history this way, so that it does not depend on today's date.
 */
export async function mustAt(t: TestApp, username: string, caseId: string, action: string, payload: Record<string, unknown>, at: Date) {
  return demoActor(t.app)(await userOf(t, username), caseId, action, payload, at);
}
