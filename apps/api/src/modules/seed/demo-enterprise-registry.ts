// The demo enterprise registry (DESIGN §8, §13): a few dozen made-up enterprises across the
// counties, with valid (GB 32100) but invented credit codes, imported through the registry import.
import { CREDIT_CODE_CHARSET, withCheckChar, type CreditRating } from '@ecoloop/workflow';

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string;
  address: string;
  permitNumber: string | null;
  keyDischarger: boolean;
  lat: number;
  lng: number;
  contactName: string;
  contactPhone: string;
  creditRating: CreditRating | null;
}

/** 91 (enterprise) + division code + MA2 + six characters of a serial: a made-up, valid code. */
function demoCode(division: string, serial: number): string {
  let rest = '';
  for (let n = serial + 7919, i = 0; i < 6; i++, n = Math.floor(n / 31)) rest = CREDIT_CODE_CHARSET[n % 31] + rest;
  return withCheckChar(`91${division}MA2${rest}`);
}

type Row = [name: string, regionCode: string, industry: string, address: string, key: boolean, rating: CreditRating | null, lng: number, lat: number];

const ROWS: Row[] = [
  // The six the demo cases name first in their towns.
  ['嘉兴凤桥印染有限公司', '330402100', '印染', '凤桥镇工业园区1号', true, 'B', 120.862, 30.681],
  ['嘉兴南湖化工有限公司', '330402101', '化工', '余新镇工业功能区8号', true, 'D', 120.903, 30.752],
  ['嘉兴余新建材有限公司', '330402101', '建材', '余新镇金星村', false, 'B', 120.911, 30.744],
  ['嘉兴王江泾纺织有限公司', '330411101', '纺织', '王江泾镇纺织园区', true, 'C', 120.712, 30.881],
  ['嘉兴新塍电镀有限公司', '330411104', '电镀', '新塍镇工业区', true, 'B', 120.622, 30.812],
  ['嘉兴秀洲餐饮管理有限公司', '330411101', '餐饮', '王江泾镇商业街', false, null, 120.705, 30.876],
  // The rest of the registry.
  ['嘉兴凤桥食品有限公司', '330402100', '食品加工', '凤桥镇永红村', false, 'A', 120.871, 30.672],
  ['嘉兴凤桥五金制品有限公司', '330402100', '金属制品', '凤桥镇新篁村', false, null, 120.853, 30.69],
  ['嘉兴余新包装材料有限公司', '330402101', '包装印刷', '余新镇余北村', false, 'B', 120.897, 30.761],
  ['嘉兴南湖再生资源有限公司', '330402', '再生资源', '南湖区大桥镇工业园', true, 'B', 120.806, 30.737],
  ['嘉兴南湖污水处理有限公司', '330402', '污水处理', '南湖区七星街道', true, 'A', 120.79, 30.72],
  ['嘉兴王江泾丝绸有限公司', '330411101', '纺织', '王江泾镇民主村', false, 'A', 120.718, 30.889],
  ['嘉兴王江泾喷织有限公司', '330411101', '纺织', '王江泾镇虹桥村', true, null, 120.727, 30.872],
  ['嘉兴新塍木业有限公司', '330411104', '木材加工', '新塍镇洛东村', false, 'B', 120.631, 30.821],
  ['嘉兴新塍皮革有限公司', '330411104', '皮革', '新塍镇火炬村', true, 'C', 120.611, 30.803],
  ['嘉兴秀洲热电有限公司', '330411', '热电', '秀洲区洪合镇', true, 'A', 120.663, 30.772],
  ['嘉善经开精密机械有限公司', '330421', '机械制造', '嘉善县经济技术开发区', false, 'A', 120.925, 30.843],
  ['嘉善惠民电子材料有限公司', '330421', '电子', '嘉善县惠民街道', true, 'B', 120.951, 30.861],
  ['嘉善西塘木业有限公司', '330421', '木材加工', '嘉善县西塘镇', false, null, 120.889, 30.944],
  ['嘉善姚庄化纤有限公司', '330421', '化纤', '嘉善县姚庄镇', true, 'B', 121.016, 30.9],
  ['海盐核电配套设备有限公司', '330424', '机械制造', '海盐县秦山街道', false, 'A', 120.95, 30.45],
  ['海盐紧固件有限公司', '330424', '金属制品', '海盐县武原街道', true, 'C', 120.94, 30.53],
  ['海盐澉浦水产品加工有限公司', '330424', '食品加工', '海盐县澉浦镇', false, 'B', 120.88, 30.39],
  ['海宁皮革城制革有限公司', '330481', '皮革', '海宁市海昌街道', true, 'B', 120.69, 30.53],
  ['海宁经编产业园纺织有限公司', '330481', '纺织', '海宁市马桥街道', true, 'B', 120.64, 30.5],
  ['海宁许村家纺有限公司', '330481', '纺织', '海宁市许村镇', false, null, 120.42, 30.43],
  ['海宁尖山光伏材料有限公司', '330481', '电子', '海宁市尖山新区', true, 'A', 120.78, 30.38],
  ['平湖独山港石化仓储有限公司', '330482', '石化仓储', '平湖市独山港镇', true, 'C', 121.02, 30.64],
  ['平湖箱包制造有限公司', '330482', '箱包', '平湖市当湖街道', false, 'B', 121.02, 30.7],
  ['平湖乍浦化学有限公司', '330482', '化工', '平湖市乍浦镇', true, 'B', 121.08, 30.6],
  ['平湖新埭电镀中心有限公司', '330482', '电镀', '平湖市新埭镇', true, 'B', 121.0, 30.77],
  ['桐乡濮院毛衫有限公司', '330483', '纺织', '桐乡市濮院镇', false, 'A', 120.62, 30.63],
  ['桐乡崇福皮草有限公司', '330483', '皮革', '桐乡市崇福镇', true, 'B', 120.43, 30.54],
  ['桐乡化纤新材料有限公司', '330483', '化纤', '桐乡市梧桐街道', true, 'D', 120.55, 30.63],
  ['桐乡乌镇餐饮管理有限公司', '330483', '餐饮', '桐乡市乌镇镇', false, null, 120.49, 30.74],
  ['嘉兴秀洲光伏科技有限公司', '330411', '电子', '秀洲区高照街道', false, 'A', 120.72, 30.78],
];

export const DEMO_ENTERPRISES: DemoEnterprise[] = ROWS.map(([name, regionCode, industry, address, key, rating, lng, lat], i) => {
  const creditCode = demoCode(regionCode.slice(0, 6), i);
  return {
    creditCode,
    name,
    regionCode,
    industry,
    address,
    permitNumber: key ? `${creditCode}001P` : null,
    keyDischarger: key,
    lat,
    lng,
    contactName: ['王建国', '李卫东', '陈海燕', '张国强', '周丽华', '沈志明'][i % 6],
    contactPhone: `0573-8${String(3000000 + i * 7301).slice(0, 7)}`,
    creditRating: rating,
  };
});
