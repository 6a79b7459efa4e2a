#!/usr/bin/env node
/**
 * Builds dist/ — the whole static widget.
 *
 *   node build.mjs            build once, print sizes, exit 1 if a budget is exceeded
 *   node build.mjs --watch    rebuild on change (loader, frame, styles); budgets are reported, not fatal
 *   node build.mjs --dev      no minification, inline source maps (for debugging)
 *
 * Outputs:
 *   dist/chatkit.js        the loader (IIFE) — the only script a host page includes; budget 2,048 B brotli
 *   dist/frame.html        the iframe document: one hashed script, one hashed stylesheet, no inline code
 *   dist/frame-<hash>.js   the app entry (ESM); lazily imported chunks are dist/chunk-<hash>.js
 *   dist/frame-<hash>.css  the stylesheet (styles/*.css through PostCSS, minified by esbuild)
 *   dist/icons/*.json      Lucide icons fetched on demand for `lucide:*` names
 *   lib/cli.js             the reference backend + demo server for Node (`npm start`); not part of dist/
 *   lib/server.js          the reference backend as a library (createChatKitServer, stores, adapters, agents)
 *   examples/react/app.js  the React example, bundled (served by `npm start` at /react/)
 * First-open budget: the entry script, every chunk it imports statically, and the stylesheet — 61,440 B brotli.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, watch, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import * as esbuild from 'esbuild';
import postcss from 'postcss';
import { minify } from 'terser';
import { checkTokens, inlineImports } from './scripts/postcss-plugins.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const args = new Set(process.argv.slice(2));
const watchMode = args.has('--watch');
const devMode = args.has('--dev') || watchMode;

export const LOADER_BUDGET = 2048;
export const FIRST_OPEN_BUDGET = 61440;

const hash = (text) => createHash('sha256').update(text).digest('base64url').slice(0, 10);
const brotli = (buf) => brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;

const common = {
  bundle: true,
  minify: !devMode,
  sourcemap: devMode ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(devMode ? 'development' : 'production') },
};

const HOST_TARGET = ['es2020', 'chrome98', 'firefox94', 'safari15.4'];

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The host chunk (widget, bridge host end, host callbacks, storage for the frame), imported by the loader on need. */
const extensionOptions = {
  ...common,
  entryPoints: { 'chatkit-host': join(root, 'loader/extension.ts') },
  outdir: dist,
  entryNames: '[name]-[hash]',
  format: 'esm',
  target: HOST_TARGET,
  write: false,
};

/** The loader runs on arbitrary host pages: one IIFE, no shared chunks; terser squeezes the last bytes. */
async function buildLoader() {
  const [ext] = (await esbuild.build(extensionOptions)).outputFiles;
  mkdirSync(dist, { recursive: true });
  writeFileSync(ext.path, ext.text);
  const extName = ext.path.split('/').pop();
  for (const f of readdirSync(dist)) if (/^chatkit-(ext|host)-.*\.js$/.test(f) && f !== extName) rmSync(join(dist, f));
  const out = await esbuild.build({
    ...common,
    entryPoints: [join(root, 'loader/main.ts')],
    format: 'iife',
    target: HOST_TARGET,
    define: { ...common.define, __HOST__: JSON.stringify(extName), __VERSION__: JSON.stringify(pkg.version) },
    write: false,
  });
  let code = out.outputFiles[0].text;
  if (!devMode) {
    const result = await minify(code, {
      ecma: 2020,
      module: false,
      compress: { passes: 3, unsafe_arrows: true, pure_getters: true, toplevel: true },
      mangle: { toplevel: true },
    });
    code = result.code;
  }
  writeFileSync(join(dist, 'chatkit.js'), code);
}

/** The frame runs in our own document: ESM with code splitting so rarely used parts load on demand. */
const frameOptions = {
  ...common,
  entryPoints: { frame: join(root, 'src/frame/main.tsx') },
  outdir: dist,
  format: 'esm',
  splitting: true,
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  metafile: true,
};

/** The reference backend and demo server, bundled for Node (dependencies stay external). */
const serverOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  entryPoints: { cli: join(root, 'src/server/cli.ts'), server: join(root, 'src/server/index.ts') },
  outdir: join(root, 'lib'),
  logLevel: 'warning',
  sourcemap: 'linked',
};

async function buildStyles(entry = 'styles/index.css') {
  const from = join(root, entry);
  const source = readFileSync(from, 'utf8');
  const result = await postcss([inlineImports(), checkTokens()]).process(source, { from });
  for (const w of result.warnings()) console.warn(`styles: ${w.toString()}`);
  const { code } = await esbuild.transform(result.css, { loader: 'css', minify: !devMode, target: ['chrome90', 'firefox90', 'safari15'] });
  return code;
}

/** The frame document's own CSP: scripts and styles only from our origin, no inline anything. */
const FRAME_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http: data: blob:",
  "font-src 'self' https: data:",
  'connect-src *',
  "media-src 'self' blob: data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function frameHtml(js, css) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}">
<title>Chat</title>
<link rel="stylesheet" href="${css}">
<script type="module" src="${js}"></script>
</head>
<body><div id="app"></div></body>
</html>
`;
}

function cleanHashed() {
  mkdirSync(dist, { recursive: true });
  for (const f of readdirSync(dist)) if (/^(frame|chunk|rich)-.*\.(js|css)$/.test(f)) rmSync(join(dist, f));
}

/** The entry plus every chunk reachable from it through static imports: what the first open downloads. */
function firstOpenFiles(metafile, entryOut) {
  const seen = new Set();
  const visit = (out) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imp of metafile.outputs[out]?.imports ?? []) if (imp.kind === 'import-statement') visit(imp.path);
  };
  visit(entryOut);
  return [...seen].map((p) => resolve(root, p));
}

function report(firstOpen) {
  const rows = [];
  let loaderBr = 0;
  let firstBr = 0;
  const files = readdirSync(dist).filter((f) => /\.(js|css|html)$/.test(f)).sort();
  for (const f of files) {
    const buf = readFileSync(join(dist, f));
    const br = brotli(buf);
    const first = firstOpen.has(join(dist, f));
    if (f === 'chatkit.js') loaderBr = br;
    if (first) firstBr += br;
    rows.push([f + (first ? ' *' : ''), buf.length, gzipSync(buf, { level: 9 }).length, br]);
  }
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(30)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
  for (const [f, raw, gz, br] of rows) console.log(`${f.padEnd(30)}${pad(raw, 9)}${pad(gz, 9)}${pad(br, 9)}`);
  console.log('* = first open (entry, its static chunks, stylesheet)');
  const problems = [];
  console.log(`loader: ${loaderBr} B brotli (budget ${LOADER_BUDGET})`);
  console.log(`first open: ${firstBr} B brotli (budget ${FIRST_OPEN_BUDGET})`);
  if (loaderBr > LOADER_BUDGET) problems.push(`loader is ${loaderBr} B brotli, over the ${LOADER_BUDGET} B budget`);
  if (firstBr > FIRST_OPEN_BUDGET) problems.push(`first-open assets are ${firstBr} B brotli, over the ${FIRST_OPEN_BUDGET} B budget`);
  return { loaderBr, firstBr, problems };
}

async function buildIconsIfAvailable() {
  const script = join(root, 'scripts/build-icons.mjs');
  if (!existsSync(script)) return;
  const { buildIcons } = await import(script);
  await buildIcons(dist);
}

async function buildFrameAndStyles() {
  cleanHashed();
  // The rich-items + widgets stylesheet is linked by the frame with the rich views chunk, not on first open.
  const richCss = await buildStyles('styles/rich-index.css');
  const richCssName = `rich-${hash(richCss)}.css`;
  writeFileSync(join(dist, richCssName), richCss);
  const result = await esbuild.build({ ...frameOptions, define: { ...frameOptions.define, __RICH_CSS__: JSON.stringify(richCssName) } });
  // With splitting, dynamically imported modules are entry points of their own chunks: match ours exactly.
  const entryOut = Object.keys(result.metafile.outputs).find((o) => result.metafile.outputs[o].entryPoint === 'src/frame/main.tsx');
  const css = await buildStyles();
  const cssName = `frame-${hash(css)}.css`;
  writeFileSync(join(dist, cssName), css);
  const jsName = entryOut.split('/').pop();
  writeFileSync(join(dist, 'frame.html'), frameHtml(jsName, cssName));
  return new Set([...firstOpenFiles(result.metafile, entryOut), join(dist, cssName)]);
}

/** The React example (examples/react), bundled with React so `npm start` can serve it at /react/. */
async function buildReactExample() {
  await esbuild.build({
    entryPoints: [join(root, 'examples/react/main.tsx')],
    outfile: join(root, 'examples/react/app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'react',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

export async function build() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await buildLoader();
  const firstOpen = await buildFrameAndStyles();
  await buildIconsIfAvailable();
  rmSync(join(root, 'lib'), { recursive: true, force: true });
  await esbuild.build(serverOptions);
  await buildReactExample();
  return report(firstOpen);
}

async function watchAll() {
  let firstOpen = new Set();
  const rebuild = async (what) => {
    try {
      if (what === 'loader') await buildLoader();
      else if (what === 'server') await esbuild.build(serverOptions);
      else firstOpen = await buildFrameAndStyles();
      const { problems } = report(firstOpen);
      for (const p of problems) console.warn(`budget: ${p}`);
      console.log(`rebuilt (${what}) at ${new Date().toLocaleTimeString()}`);
    } catch (e) {
      console.error(e.message);
    }
  };
  await build();
  let timer;
  const schedule = (what) => {
    clearTimeout(timer);
    timer = setTimeout(() => rebuild(what), 80);
  };
  watch(join(root, 'loader'), { recursive: true }, () => schedule('loader'));
  watch(join(root, 'styles'), { recursive: true }, () => schedule('frame'));
  watch(join(root, 'src'), { recursive: true }, (_event, file) => schedule(String(file).startsWith('server') ? 'server' : 'frame'));
  console.log('watching loader/, src/, styles/ …');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (watchMode) {
    await watchAll();
  } else {
    const { problems } = await build();
    if (problems.length) {
      for (const p of problems) console.error(`build failed: ${p}`);
      process.exit(1);
    }
  }
}
