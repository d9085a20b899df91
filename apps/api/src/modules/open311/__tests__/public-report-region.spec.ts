import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { publicReportRegion } from '../public-report-region.js';

describe('where a public report lands (point-in-polygon over the county boundaries)', () => {
  it('takes the named jurisdiction, else the county of the coordinates, else the city', () => {
    expect(publicReportRegion({ jurisdiction_id: '330411104', lat: 30.66, long: 120.86 })).toBe('330411104');
    expect(publicReportRegion({ lat: 30.6605, long: 120.8625 })).toBe('330402'); // 凤桥镇
    expect(publicReportRegion({ lat: 30.81, long: 120.62 })).toBe('330411'); // 新塍镇
    expect(publicReportRegion({ lat: 31.2304, long: 121.4737 })).toBe('330400'); // 上海: outside every county
    expect(publicReportRegion({})).toBe('330400');
  });

  describe('over HTTP', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('a report without a jurisdiction but with a place in 秀洲区 reaches the 秀洲 dispatcher, not the city', async () => {
      const created = await t
        .http()
        .post('/open311/v2/requests.json')
        .send({ service_code: 'air.open_burning', lat: 30.81, long: 120.62, address_string: '新塍镇洛东村', description: '田里在烧秸秆', attribute: { material: 'straw' } })
        .expect(201);
      const code = created.body[0].service_request_id;
      const list = await t.http().get(`/api/v1/cases?q=${code}`).set('Authorization', await t.tokenOf('dispatcher.xiuzhou')).expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ code, regionCode: '330411' })]);
      const nanhu = await t.http().get(`/api/v1/cases?q=${code}`).set('Authorization', await t.tokenOf('dispatcher.nanhu')).expect(200);
      expect(nanhu.body.total).toBe(0);
    });
  });
});
