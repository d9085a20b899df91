import type { TestApp } from '../../../test-support/test-app.js';

let counter = Math.floor(Math.random() * 9_000_000);

/** A resident id number that no other test uses (17 digits and a check character). */
export function idNumber(): string {
  counter += 1;
  return `3304021990${String(counter).padStart(7, '0')}X`;
}

/** POST /petitions as `username`; fails the test unless it answers 201. */
export async function registerPetition(t: TestApp, username: string, body: Record<string, unknown> = {}) {
  const res = await postPetition(t, username, body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function postPetition(t: TestApp, username: string, body: Record<string, unknown> = {}) {
  return t
    .http()
    .post('/api/v1/petitions')
    .set('Authorization', await t.tokenOf(username))
    .send({
      channel: 'letter',
      grade: 'general',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      content: '余新镇金星村附近化工厂夜间排放刺鼻气味，影响村民休息。',
      request: '要求查处企业违法排放，并公开处理结果。',
      petitioners: [{ name: '沈建国', phone: '13905730001', idNumber: idNumber() }],
      category: 'air.odor',
      regionCode: '330402101',
      address: '余新镇金星村',
      ...body,
    });
}

export async function detail(t: TestApp, username: string, id: string) {
  return t.http().get(`/api/v1/cases/${id}`).set('Authorization', await t.tokenOf(username));
}
