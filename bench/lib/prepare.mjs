/**
 * Everything before measuring: build dist/ (unless --no-build), install the peers (bench/package.json) when
 * bench/node_modules is missing, snapshot dist/ into bench/.tmp/dist (so a rebuild by someone else mid-run
 * cannot change what we measure), and bundle the bench server and the Botpress peer app with esbuild.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

/** Repository layout the harness relies on. */
export function paths(root) {
  const bench = join(root, 'bench');
  const tmp = join(bench, '.tmp');
  return {
    root,
    bench,
    tmp,
    dist: join(root, 'dist'),
    snapshot: join(tmp, 'dist'),
    pages: join(tmp, 'pages'),
    server: join(tmp, 'bench-server.mjs'),
    peersOut: join(tmp, 'peers'),
    examples: join(root, 'examples'),
    benchModules: join(bench, 'node_modules'),
  };
}

/** Runs `node build.mjs`; a budget failure (exit 1 with dist/ complete) is reported, not fatal. */
export function runBuild(p, log) {
  log('building dist/ (node build.mjs) …');
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: p.root, encoding: 'utf8', timeout: 300_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const complete = existsSync(join(p.dist, 'chatkit.js')) && existsSync(join(p.dist, 'frame.html'));
  if (r.status !== 0 && !complete) throw new Error(`build failed (exit ${r.status}):\n${output}`);
  const budget = output.split('\n').filter((l) => /^build failed:/.test(l));
  return { ok: r.status === 0, budgetFailures: budget, output };
}

/** Installs bench/package.json's peers when bench/node_modules is missing; returns why peers are unavailable, or null. */
export function ensurePeers(p, { install }, log) {
  const need = ['@typebot.io/js', 'flowise-embed', '@botpress/webchat'];
  const missing = () => need.filter((n) => !existsSync(join(p.benchModules, n, 'package.json')));
  if (!missing().length) return null;
  if (!install) return `peers not installed (${missing().join(', ')}) and --no-install given`;
  log('installing peer widgets into bench/node_modules (npm install --prefix bench) …');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', p.bench, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: p.root, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return `npm install --prefix bench failed: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' ')}`;
  return missing().length ? `still missing after install: ${missing().join(', ')}` : null;
}

/** Copies dist/ to bench/.tmp/dist. */
export function snapshotDist(p) {
  if (!existsSync(join(p.dist, 'frame.html'))) throw new Error('dist/ is not built: run without --no-build');
  rmSync(p.snapshot, { recursive: true, force: true });
  cpSync(p.dist, p.snapshot, { recursive: true });
}

/** Bundles bench/servers/main.ts (and the reference server it imports from src/) into one file for Node. */
export async function bundleServer(p) {
  mkdirSync(p.tmp, { recursive: true });
  await esbuild.build({
    entryPoints: [join(p.bench, 'servers/main.ts')],
    outfile: p.server,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies are bundled from the repository's node_modules: at run time bench/node_modules (the peers'
    // tree, with other versions of zod and friends) would be found first. Only the native module stays out.
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
}

/** Bundles the Botpress peer app (React + @botpress/webchat, as a React site would ship it). */
export async function bundleBotpress(p) {
  const out = join(p.peersOut, 'botpress');
  rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { app: join(p.bench, 'peers/botpress-app.jsx') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // Not the repository's tsconfig (Preact's JSX runtime).
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx', jsxImportSource: 'react' } },
    nodePaths: [p.benchModules],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return out;
}
