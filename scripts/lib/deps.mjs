// Before anything else (node built-ins only): a supported Node and installed dependencies.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
function fail(msg) {
  process.stderr.write(`\n[ecoloop] error: ${msg}\n\n`);
  process.exit(1);
}

/** Does Node `version` (x.y.z) satisfy `range`, alternatives of `^x.y.z` or `>=x.y.z` joined by `||`? */
export function satisfies(version, range) {
  const major = (v) => Number(v.split('.')[0]);
  const rank = (v) => v.split('.').reduce((sum, part) => sum * 10_000 + Number(part), 0);
  return range.split('||').some((alt) => {
    const [, op, want] = /^\s*(\^|>=)\s*(\d+\.\d+\.\d+)\s*$/.exec(alt) ?? [];
    return !!want && rank(version) >= rank(want) && (op === '>=' || major(version) === major(want));
  });
}

/** Exits with a clear message unless this Node satisfies package.json's engines. */
export function checkNode() {
  const range = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node;
  if (satisfies(process.versions.node, range)) return;
  const nvmrc = fs.readFileSync(path.join(ROOT, '.nvmrc'), 'utf8').trim();
  fail(`EcoLoop needs Node ${range} (.nvmrc: ${nvmrc}); this is Node ${process.versions.node}.
  With nvm: \`nvm install && nvm use\`; or install Node 20 LTS from https://nodejs.org (or NodeSource).`);
}

/** `npm ci` (or, when npm ci refuses the lock file, `npm install --no-save`) when node_modules may not match package-lock.json. */
export function ensureDependencies() {
  const mtime = (file) => fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs;
  const installed = mtime('node_modules/.package-lock.json'); // npm records each install there
  const reason = !installed ? 'node_modules is missing' : mtime('package-lock.json') > installed ? 'package-lock.json changed' : null;
  if (!reason) return;
  // Under `npm start`, the very npm that runs us.
  const [npm, pre] = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const npmRun = (...args) => spawnSync(npm, [...pre, ...args, '--include=dev', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' }).status;
  process.stdout.write(`[ecoloop] installing dependencies (${reason}): npm ci\n`);
  if (npmRun('ci') === 0) return;
  // npm ci refuses a lock file without other platforms' optional binaries (a registry serving only this
  // platform's, npm/cli#4828); `npm install --no-save` installs the locked versions all the same.
  process.stdout.write('[ecoloop] npm ci failed; installing with `npm install --no-save` instead (package-lock.json is left as is)\n');
  if (npmRun('install', '--no-save') !== 0) fail('installing the dependencies failed; see the output above.');
}
