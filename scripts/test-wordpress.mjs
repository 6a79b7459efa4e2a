#!/usr/bin/env node
/**
 * The WordPress plugin's checks (a step of `npm test`; needs dist/ and lib/ built):
 *   1. PHP from Debian when missing (scripts/install-php.sh: php-cli php-sqlite3 php-xml php-mbstring)
 *   2. WordPress releases and the SQLite Database Integration plugin, fetched once with `npm pack` into .cache/wordpress/
 *   3. the plugin zip (node wordpress/build.mjs: dist/ bundled, .pot generated)
 *   4. `php -l` on every PHP file of the plugin and of the test fixtures
 *   5. Playwright against WordPress 6.2 and the newest release (playwright.wordpress.config.ts)
 * Extra arguments go to Playwright (e.g. `node scripts/test-wordpress.mjs --project wordpress-6.2`).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '../..');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: process.env, ...opts });
  if (r.status !== 0) {
    console.error(`wordpress: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return r;
}

function phpFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? phpFiles(p) : p.endsWith('.php') ? [p] : [];
  });
}

run('bash', ['scripts/install-php.sh']);
run(process.execPath, ['test/wordpress/support/cache.mjs']);
run(process.execPath, ['wordpress/build.mjs']);
const files = [...phpFiles(join(root, 'wordpress')), ...phpFiles(join(root, 'test/wordpress/fixtures'))].filter((f) => !f.includes('/build/'));
for (const f of files) {
  const r = spawnSync('php', ['-l', f], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stdout + r.stderr);
    process.exit(1);
  }
}
console.log(`php -l: ${files.length} files, no syntax errors (${files.map((f) => relative(root, f)).join(', ')})`);
run('npx', ['playwright', 'test', '-c', 'playwright.wordpress.config.ts', ...process.argv.slice(2)]);
