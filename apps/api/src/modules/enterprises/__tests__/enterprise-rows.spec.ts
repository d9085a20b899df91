import { parseEnterpriseRows } from '../enterprise-rows.js';

const regions = [
  { code: '330402', name: '南湖区', path: '330400.330402' },
  { code: '330402100', name: '凤桥镇', path: '330400.330402.330402100' },
  { code: '330411101', name: '王江泾镇', path: '330400.330411.330411101' },
  { code: '330999001', name: '新丰镇', path: '330400.330999.330999001' },
  { code: '330998001', name: '新丰镇', path: '330400.330998.330998001' },
];
const ctx = { regions, jurisdictionPath: '330400' };

describe('parseEnterpriseRows', () => {
  it('reads a good row, folding full-width characters, flags, coordinates and the rating', () => {
    const { items, errors } = parseEnterpriseRows(
      [{ row: 3, values: { creditCode: '９１３５０１００m000100y43', name: ' 嘉兴某印染有限公司 ', region: '凤桥镇', keyDischarger: '是', lat: '30.67', lng: '120.81', creditRating: 'c' } }],
      ctx,
    );
    expect(errors).toEqual([]);
    expect(items).toEqual([
      expect.objectContaining({ row: 3, creditCode: '91350100M000100Y43', name: '嘉兴某印染有限公司', regionCode: '330402100', keyDischarger: true, lat: 30.67, lng: 120.81, creditRating: 'C', address: null }),
    ]);
  });

  it('names every problem of every row, with the column', () => {
    const { items, errors } = parseEnterpriseRows(
      [
        { row: 3, values: { creditCode: '91350100M000100Y44', name: 'a', region: '新丰镇' } },
        { row: 4, values: { creditCode: '91350100M000100Y43', name: 'b', region: '330402', lat: '30.6' } },
        { row: 5, values: { creditCode: '91350100M000100Y43', name: 'c', region: '330402', creditRating: 'E' } },
      ],
      { ...ctx, jurisdictionPath: '330400.330402' },
    );
    expect(items).toHaveLength(0);
    expect(errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位错误' },
      { row: 3, column: '所属区域', message: '区域“新丰镇”不唯一，请填写区划代码' },
      { row: 4, column: '经度', message: '经度和纬度须同时填写' },
      { row: 5, column: '统一社会信用代码', message: '统一社会信用代码与第4行重复' },
      { row: 5, column: '信用等级', message: '信用等级应为 A、B、C 或 D' },
    ]);
  });

  it('refuses a region outside the importer’s jurisdiction', () => {
    const { errors } = parseEnterpriseRows([{ row: 3, values: { creditCode: '91350100M000100Y43', name: 'a', region: '王江泾镇' } }], { ...ctx, jurisdictionPath: '330400.330402' });
    expect(errors).toEqual([{ row: 3, column: '所属区域', message: '王江泾镇不在您的管辖范围内' }]);
  });
});
