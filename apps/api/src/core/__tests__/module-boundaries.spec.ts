import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

/** STYLE.md "Shape": libs hold no framework code; the web never imports the API. */
describe('module boundaries', () => {
  it.each([
    ['libs/workflow', /^(@nestjs|typeorm|react|antd|pg|ioredis|bullmq|@ecoloop\/(auth|api|web))/],
    ['libs/auth', /^(@nestjs|typeorm|react|antd|pg|ioredis|bullmq|node:|@ecoloop\/(api|web))/],
    ['apps/web/src', /^(@nestjs|typeorm|pg|ioredis|bullmq|@ecoloop\/api)|apps\/api/],
  ])('%s imports nothing it must not', (dir, forbidden) => {
    const offenders = sources(join(ROOT, dir)).flatMap((file) =>
      importsOf(file)
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${relative(ROOT, file)} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
