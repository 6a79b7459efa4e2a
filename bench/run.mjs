#!/usr/bin/env node
/**
 * `npm run bench` — bytes, host-page cost, open latency, streaming and long threads, side by side with peers
 * (issue 6). Builds dist/ (unless --no-build), snapshots it, starts the bench servers (bench/servers/, one child
 * process, 127.0.0.1 only), drives Debian's Chromium with Playwright, and writes bench/results.json (raw runs,
 * medians, environment) and bench/RESULTS.md (the tables, also printed). `--help` lists the options; how to
 * read the results: bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './lib/args.mjs';
import { launchBrowser, WIDGET_ALIAS } from './lib/browser.mjs';
import { analyzeDist, fileSizes } from './lib/bytes.mjs';
import { runHostCost } from './lib/host-cost.mjs';
import { runLongThread } from './lib/long-thread.mjs';
import { runOpenLatency } from './lib/open-latency.mjs';
import { writePages } from './lib/pages.mjs';
import { bundleBotpress, bundleServer, ensurePeers, paths, runBuild, snapshotDist } from './lib/prepare.mjs';
import { renderMarkdown } from './lib/report.mjs';
import { markdownSection, runMarkdownScaling } from './lib/markdown-scaling.mjs';
import { startBenchServer } from './lib/server.mjs';
import { runStreaming } from './lib/streaming.mjs';
import { evaluateTargets } from './lib/targets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (s) => console.log(s);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim() + (execFileSync('git', ['status', '--porcelain', '--', 'src', 'loader', 'styles'], { cwd: root, encoding: 'utf8' }).trim() ? '+dirty' : '');
  } catch {
    return 'unknown';
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const p = paths(root);
  const outDir = opts.out ? resolve(opts.out) : p.bench;
  const notes = [];
  let server;
  let browser;
  let stopping = false;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${sig}: stopping the browser and the servers (no results written) …`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  if (opts.only.length === 1 && opts.only[0] === 'markdown') {
    // Node only: no build, servers or browser needed.
    const suites = { markdown: await runMarkdownScaling({ root, tmp: p.tmp, log }) };
    const results = { environment: { date: new Date().toISOString(), commit: gitCommit(), node: process.version, cpu: cpus()[0]?.model?.trim() ?? 'unknown', cpus: cpus().length }, options: opts, suites, notes };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results-markdown.json'), JSON.stringify(results, null, 1) + '\n');
    console.log(`\n## Markdown: time vs input size (Node ${process.version})\n\n${markdownSection(suites.markdown)}`);
    return;
  }
  try {
    const build = opts.build ? runBuild(p, log) : null;
    if (build?.budgetFailures.length) notes.push(...build.budgetFailures.map((l) => `build.mjs: ${l}`));
    if (!opts.build) notes.push('--no-build: dist/ measured as found');
    snapshotDist(p);
    const wantPeers = opts.peers && opts.only.some((s) => s === 'host' || s === 'bytes');
    const peersProblem = wantPeers ? ensurePeers(p, opts, log) : 'peers skipped';
    if (wantPeers && peersProblem) notes.push(`Peers not measured: ${peersProblem}`);
    await bundleServer(p);
    const mounts = {};
    const peerFiles = [];
    if (wantPeers && !peersProblem) {
      const botpress = await bundleBotpress(p);
      mounts['/typebot/web.js'] = join(p.benchModules, '@typebot.io/js/dist/web.js');
      mounts['/flowise/web.js'] = join(p.benchModules, 'flowise-embed/dist/web.js');
      mounts['/botpress/'] = botpress;
      peerFiles.push(
        { label: '@typebot.io/js `dist/web.js`', file: mounts['/typebot/web.js'] },
        { label: 'flowise-embed `dist/web.js`', file: mounts['/flowise/web.js'] },
        { label: '@botpress/webchat + React 19, bundled (`app.js` + `app.css`)', file: join(botpress, 'app.js'), extra: join(botpress, 'app.css') },
      );
    }
    log('starting the bench servers …');
    server = await startBenchServer(p.server, { distDir: p.snapshot, pageDirs: [p.pages, p.examples], peerMounts: mounts, widgetAlias: WIDGET_ALIAS, longItems: opts.longItems }, log);
    const { urls } = server;
    const { variants, pages } = writePages(p.pages, p.examples, urls, { peers: wantPeers && !peersProblem, tokens: opts.tokens, rate: opts.rate });
    browser = await launchBrowser();
    const environment = {
      date: new Date().toISOString(),
      commit: gitCommit(),
      chromium: browser.version(),
      node: process.version,
      cpu: cpus()[0]?.model?.trim() ?? 'unknown',
      cpus: cpus().length,
      memoryGB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform} ${process.arch}`,
    };
    log(`Chromium ${environment.chromium}, Node ${environment.node}, ${environment.cpu} × ${environment.cpus}`);
    const suites = {};
    const run = async (key, fn) => {
      if (stopping) return;
      const t0 = Date.now();
      try {
        suites[key] = await fn();
      } catch (e) {
        suites[key] = { error: String(e?.stack ?? e) };
        console.error(`suite ${key} failed: ${e?.message ?? e}`);
      }
      log(`  ${key}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    };
    const ctx = { browser, urls, pages, runs: opts.runs, log };
    if (opts.only.includes('bytes')) {
      await run('bytes', async () => ({
        ...analyzeDist(p.snapshot),
        peers: peerFiles.map((f) => {
          const a = fileSizes(f.file);
          const b = f.extra ? fileSizes(f.extra) : null;
          return a && { label: f.label, raw: a.raw + (b?.raw ?? 0), gzip: a.gzip + (b?.gzip ?? 0), brotli: a.brotli + (b?.brotli ?? 0) };
        }).filter(Boolean),
      }));
    }
    if (opts.only.includes('host')) await run('host', () => runHostCost({ ...ctx, variants, settleMs: opts.settleMs }));
    if (opts.only.includes('open')) await run('open', () => runOpenLatency(ctx));
    if (opts.only.includes('stream')) {
      await run('streamFull', () => runStreaming({ ...ctx, tokens: opts.tokens, rate: 0 }));
      if (opts.slowRuns > 0) await run('streamPaced', () => runStreaming({ ...ctx, runs: opts.slowRuns, tokens: opts.tokens, rate: opts.rate }));
    }
    if (opts.only.includes('long')) await run('long', () => runLongThread({ ...ctx, items: opts.longItems, scrollRuns: Math.min(opts.scrollRuns, opts.runs), scrollTimeoutMs: opts.scrollTimeout * 1000 }));
    if (opts.only.includes('markdown')) await run('markdown', () => runMarkdownScaling({ root, tmp: p.tmp, log }));
    if (opts.quick) notes.push(`--quick: streams of ${opts.tokens.toLocaleString('en-US')} tokens instead of 20,000 (the paced-stream targets are read from the short stream)`);
    notes.push('Host and widget origins are both on 127.0.0.1; the widget origin is reached as `widget.bench` (mapped to 127.0.0.1 by --host-resolver-rules) so it is cross-site and its frame runs in its own process, as on a real site. The "same-site" variant uses 127.0.0.1 for both (frame in the host\'s process).');
    const results = { environment, options: opts, build: build && { ok: build.ok, budgetFailures: build.budgetFailures }, urls, suites, notes };
    if (stopping) return;
    results.targets = evaluateTargets(suites, opts);
    const md = renderMarkdown(results);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 1) + '\n');
    writeFileSync(join(outDir, 'RESULTS.md'), md);
    console.log(`\n${md}`);
    log(`written: ${join(outDir, 'results.json')}, ${join(outDir, 'RESULTS.md')}`);
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  process.exit(1);
});
