// `npm run bench`: builds once, then runs every benchmark and prints its figures.
//   bench:timers  — N due deadlines → overdue with events (BENCH_N, default 100000)
//   bench:ledger  — a 5,000-row ledger import, detail and export over HTTP
//   bench:cases   — scoped GET /cases, worklist and dashboard over 1,000,000 cases (BENCH_CASES)
//   bench:write   — report_progress through the API at 1, 8, 32 clients vs the same SQL in pgbench
// Each starts its own PostgreSQL/Redis (or uses DATABASE_URL/REDIS_URL) and a fresh database.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, cmd, args) => {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
};

step('build', 'npm', ['run', 'build', '--silent']);
step('timers: due deadlines → overdue', process.execPath, ['scripts/bench-timers.mjs']);
step('ledger import', process.execPath, ['scripts/bench-ledger-import.mjs']);
step('case lists at scale', process.execPath, ['scripts/bench-cases.mjs']);
step('write path vs PostgreSQL', process.execPath, ['scripts/bench-write.mjs']);
