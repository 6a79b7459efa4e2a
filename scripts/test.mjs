#!/usr/bin/env node
/**
 * `npm test`: everything CI runs, in order, stopping at the first failure.
 *   1. Chromium present (installed through scripts/install-chromium.sh when missing and we are root)
 *   2. tsc --noEmit (includes the type-level compatibility test against @openai/chatkit)
 *   3. node build.mjs (fails when a size budget is exceeded)
 *   4. vitest run (unit)
 *   5. playwright test (end to end, two origins, Debian Chromium)
 *   6. the WordPress plugin in real WordPress 6.2 and newest (scripts/test-wordpress.mjs: PHP, WordPress, php -l, Playwright)
 * Extra arguments go to Playwright (e.g. `npm test -- test/e2e/snippet.spec.ts`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath as chromium } from './chromium.mjs';

const steps = [
  ['chromium', () => (existsSync(chromium) ? 0 : run('bash', ['scripts/install-chromium.sh']))],
  ['typecheck', () => run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])],
  ['build', () => run('node', ['build.mjs'])],
  ['unit', () => run('npx', ['vitest', 'run'])],
  ['e2e', () => run('npx', ['playwright', 'test', ...process.argv.slice(2)])],
  ['wordpress', () => run('node', ['scripts/test-wordpress.mjs'])],
];

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit', env: process.env }).status ?? 1;
}

const started = Date.now();
for (const [name, step] of steps) {
  const t = Date.now();
  console.log(`\n── ${name} ──`);
  const code = step();
  console.log(`── ${name}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  if (code !== 0) process.exit(code);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
