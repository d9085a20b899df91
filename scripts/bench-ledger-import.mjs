// `npm run bench:ledger [-- --rows=5000]`: how long a ledger import takes, end to end over HTTP.
//   PostgreSQL (DATABASE_URL, or a throw-away embedded cluster) and Redis (REDIS_URL, or a throw-away
//   redis-server) → a fresh database, migrated, with the demo organisation → the API in this process
//   on a free port → dispatcher.city creates a ledger and uploads a generated .xlsx of N rows (one
//   case each, spread over the four demo towns) → prints the times → drops the database.
// Needs the built API (`npm run build -w @ecoloop/api`). Prints figures, and fails unless every row
// became one item and one case with its report and dispatch events and pending deadlines.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { API_DIST as dist, prepareBench, startApi } from './lib/bench-env.mjs';
import { withPg } from './lib/postgres.mjs';
import { InfraError, cleanupAll, fail, log } from './lib/processes.mjs';

const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
const ROWS = rowsArg ? Number(rowsArg.slice('--rows='.length)) : 5000;

const ms = (from) => `${Math.round(performance.now() - from)} ms`;
const day = (n) => new Date(Date.now() + n * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

async function generate(file, rows) {
  const { default: ExcelJS } = await import('exceljs');
  const { IMPORT_COLUMNS } = await import(path.join(dist, 'modules', 'ledgers', 'ledger-template.js'));
  const towns = [
    ['南湖区', '凤桥镇', '凤桥镇生态办'],
    ['南湖区', '余新镇', '余新镇生态办'],
    ['秀洲区', '王江泾镇', '王江泾镇生态办'],
    ['秀洲区', '新塍镇', '新塍镇生态办'],
  ];
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('台账');
  ws.addRow(IMPORT_COLUMNS.map((c) => c.header)).commit();
  ws.addRow(IMPORT_COLUMNS.map((c) => c.key)).commit();
  for (let i = 0; i < rows; i++) {
    const [county, town, unit] = towns[i % towns.length];
    const values = {
      seq: i + 1,
      title: `${town}交办问题 ${i + 1}：河道沿岸入河排污口排查整治`,
      description: '督察组现场检查发现沿河存在未登记排污口，部分雨污混接，需排查溯源并规范整治。',
      category: i % 3 === 0 ? '入河排污口' : i % 3 === 1 ? 'air.dust' : '黑臭水体',
      county,
      town,
      leadUnit: unit,
      coUnits: county === '南湖区' ? '南湖分局' : '秀洲分局',
      deadline: day(60 + (i % 90)),
      milestones: `${day(20)};${day(40)}`,
      target: '完成排查溯源和规范化整治，水质稳定达标',
    };
    ws.addRow(IMPORT_COLUMNS.map((c) => values[c.key] ?? null)).commit();
  }
  ws.commit();
  await wb.commit();
}

async function main() {
  if (!Number.isInteger(ROWS) || ROWS < 1) throw new InfraError('--rows must be a positive integer');
  const { databaseUrl, storage } = await prepareBench('ledger', { LOGIN_RATE_LIMIT_PER_MINUTE: '100000' });

  const file = path.join(storage, `ledger-${ROWS}.xlsx`);
  let t = performance.now();
  await generate(file, ROWS);
  log(`generated ${ROWS} rows: ${(fs.statSync(file).size / 1024).toFixed(0)} KiB in ${ms(t)}`);

  const { base, login } = await startApi();
  const accessToken = await login('dispatcher.city');
  const auth = { authorization: `Bearer ${accessToken}` };
  const created = await fetch(`${base}/ledgers`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ title: `基准测试台账 ${ROWS} 行`, kind: 'inspection_feedback', source: 'central_inspection', issuer: '基准测试', issuedDate: day(0), dueDate: day(200) }),
  });
  const ledger = await created.json();

  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), 'ledger.xlsx');
  t = performance.now();
  const res = await fetch(`${base}/ledgers/${ledger.id}/import`, { method: 'POST', headers: auth, body: form });
  const body = await res.json();
  const total = performance.now() - t;
  if (res.status !== 201) throw new InfraError(`import answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
  const [counts] = await withPg(databaseUrl, async (c) =>
    (
      await c.query(
        `SELECT (SELECT count(*)::int FROM ledger_item WHERE ledger_id = $1) AS items,
                (SELECT count(*)::int FROM "case" WHERE ledger_id = $1) AS cases,
                (SELECT count(*)::int FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.ledger_id = $1) AS events,
                (SELECT count(*)::int FROM deadline d JOIN "case" c ON c.id = d.case_id WHERE c.ledger_id = $1 AND d.status = 'pending') AS deadlines`,
        [ledger.id],
      )
    ).rows,
  );
  const want = { items: ROWS, cases: ROWS, events: 2 * ROWS, deadlines: 2 * ROWS };
  if (body.items !== ROWS || body.cases !== ROWS || JSON.stringify(counts) !== JSON.stringify(want))
    throw new InfraError(`the import wrote ${JSON.stringify(counts)} (answered ${body.items} items, ${body.cases} cases); expected ${JSON.stringify(want)}`);
  log(`import: ${body.items} items, ${body.cases} cases in ${Math.round(total)} ms over HTTP, ${Math.round((ROWS / total) * 1000)} rows/s (${body.durationMs} ms of it in the service: read, check, build the cases, write)`);

  t = performance.now();
  const detail = await fetch(`${base}/ledgers/${ledger.id}`, { headers: auth });
  const d = await detail.json();
  log(`GET /ledgers/:id with ${d.items.length} items: ${ms(t)}`);
  t = performance.now();
  const exported = await fetch(`${base}/ledgers/${ledger.id}/export`, { headers: auth });
  const bytes = (await exported.arrayBuffer()).byteLength;
  log(`GET /ledgers/:id/export: ${(bytes / 1024).toFixed(0)} KiB in ${ms(t)}`);

  await cleanupAll();
}

main().catch(fail);
