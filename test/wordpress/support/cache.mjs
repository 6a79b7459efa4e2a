/**
 * The WordPress the plugin tests run against, fetched once into .cache/wordpress/ (git-ignored):
 *  - WordPress releases: the wp-6.x.zip files inside the npm tarball @wp-playground/wordpress-builds;
 *  - the SQLite Database Integration plugin (WordPress on SQLite, no database server): its zip inside the npm
 *    tarball @wp-playground/cli.
 * Tarballs come through `npm pack` (the npm registry is the only one reachable), pinned to exact versions so a
 * run is repeatable; only the files we need are extracted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../../..');
export const cacheDir = join(root, '.cache/wordpress');

const BUILDS = { name: '@wp-playground/wordpress-builds', version: '0.9.19' };
const CLI = { name: '@wp-playground/cli', version: '3.1.56' };

const tarball = (pkg) => join(cacheDir, `${pkg.name.slice(1).replace('/', '-')}-${pkg.version}.tgz`);

function pack(pkg) {
  const file = tarball(pkg);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return file;
}

function extract(file, members) {
  const missing = members.filter((m) => !existsSync(join(cacheDir, m)));
  if (missing.length) execFileSync('tar', ['-xzf', file, '-C', cacheDir, ...missing]);
}

/** Release versions in the builds tarball ("6.2" → "6.2.6"), beta and nightly left out. */
export function releases() {
  const versions = JSON.parse(readFileSync(join(cacheDir, 'package/src/wordpress/wp-versions.json'), 'utf8'));
  return Object.fromEntries(Object.entries(versions).filter(([k]) => /^\d+\.\d+$/.test(k)));
}

/** The newest release in the tarball, e.g. "6.5". */
export function newestRelease() {
  const n = (v) => v.split('.').reduce((sum, part) => sum * 1000 + Number(part), 0);
  return Object.keys(releases()).sort((a, b) => n(b) - n(a))[0];
}

/** Fetches what is missing; returns the zips for the requested branches ("6.2", "newest"). */
export function prepare(branches = ['6.2', 'newest']) {
  const builds = pack(BUILDS);
  extract(builds, ['package/src/wordpress/wp-versions.json']);
  const wanted = branches.map((b) => (b === 'newest' ? newestRelease() : b));
  extract(builds, wanted.map((b) => `package/src/wordpress/wp-${b}.zip`));
  extract(pack(CLI), ['package/sqlite-database-integration.zip']);
  return {
    wordpress: Object.fromEntries(wanted.map((b) => [b, join(cacheDir, `package/src/wordpress/wp-${b}.zip`)])),
    sqlite: join(cacheDir, 'package/sqlite-database-integration.zip'),
  };
}

if (process.argv[1] === import.meta.filename) {
  const r = prepare();
  console.log(`WordPress ${Object.keys(r.wordpress).map((b) => `${b} (${releases()[b]})`).join(', ')}; SQLite plugin ${r.sqlite}`);
}
