import { JIAXING_COUNTIES, countyAt } from '../index.js';

describe('county boundaries and locating (DESIGN §8)', () => {
  it('bundles the seven real counties of 嘉兴市 with their codes', () => {
    expect(JIAXING_COUNTIES.features.map((f) => [f.properties.adcode, f.properties.name])).toEqual([
      ['330402', '南湖区'],
      ['330411', '秀洲区'],
      ['330421', '嘉善县'],
      ['330424', '海盐县'],
      ['330481', '海宁市'],
      ['330482', '平湖市'],
      ['330483', '桐乡市'],
    ]);
    for (const f of JIAXING_COUNTIES.features) {
      const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
      for (const ring of rings) expect(ring[0]).toEqual(ring.at(-1));
    }
  });

  it.each([
    [120.8625, 30.6605, '330402'], // 凤桥镇
    [120.62, 30.81, '330411'], // 新塍镇
    [120.9264, 30.8411, '330421'], // 嘉善县城 魏塘
    [120.9459, 30.5258, '330424'], // 海盐县城 武原
    [120.6808, 30.5115, '330481'], // 海宁 硖石
    [121.0146, 30.6760, '330482'], // 平湖 当湖
    [120.4895, 30.7504, '330483'], // 乌镇
  ])('locates (%f, %f) in %s', (lng, lat, code) => {
    expect(countyAt(lng, lat)).toBe(code);
  });

  it('answers null outside the city and for non-numbers', () => {
    expect(countyAt(121.4737, 31.2304)).toBeNull(); // 上海人民广场
    expect(countyAt(120.1551, 30.2741)).toBeNull(); // 杭州西湖
    expect(countyAt(Number.NaN, 30.7)).toBeNull();
  });
});
