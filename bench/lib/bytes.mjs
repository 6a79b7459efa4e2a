/**
 * Static byte counts of the built widget (a dist/ snapshot): loader, lazy extension, first-open assets and
 * lazy chunks, raw / gzip -9 / brotli q11 — the same compression settings as build.mjs. "First open" follows
 * build.mjs: the entry script named by frame.html, every chunk reachable from it through static imports, and
 * the stylesheet (frame.html itself is listed apart).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

/** raw / gzip / brotli sizes of a buffer. */
export function sizesOf(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const ZERO = { raw: 0, gzip: 0, brotli: 0 };

/** Static imports (`import … from "./x.js"` / `import "./x.js"`) of minified ESM, not `import("./x.js")`. */
export function staticImports(code) {
  const out = [];
  for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\bfrom\s*)?["'](\.\/[\w.-]+\.js)["']/g)) out.push(m[1].slice(2));
  return out;
}

/** Byte report of a dist/ folder. */
export function analyzeDist(dist) {
  const names = readdirSync(dist).filter((f) => /\.(js|css|html)$/.test(f)).sort();
  const files = Object.fromEntries(names.map((f) => [f, sizesOf(readFileSync(join(dist, f)))]));
  const html = readFileSync(join(dist, 'frame.html'), 'utf8');
  const entry = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  const css = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
  if (!entry || !css) throw new Error('dist/frame.html names no entry script or stylesheet');
  const first = new Set([css]);
  const visit = (f) => {
    if (first.has(f) || !files[f]) return;
    first.add(f);
    for (const dep of staticImports(readFileSync(join(dist, f), 'utf8'))) visit(dep);
  };
  visit(entry);
  const ext = names.find((f) => /^chatkit-(ext|host)-.*\.js$/.test(f));
  const lazyFiles = names.filter((f) => !first.has(f) && f !== 'chatkit.js' && f !== ext && f !== 'frame.html');
  let icons = { count: 0, ...ZERO };
  try {
    for (const f of readdirSync(join(dist, 'icons'))) {
      const s = sizesOf(readFileSync(join(dist, 'icons', f)));
      icons = { count: icons.count + 1, ...add(icons, s) };
    }
  } catch {
    // no icon folder
  }
  return {
    loader: files['chatkit.js'],
    extension: ext ? { file: ext, ...files[ext] } : null,
    frameHtml: files['frame.html'],
    firstOpen: { files: [...first], ...[...first].reduce((a, f) => add(a, files[f]), ZERO) },
    lazy: { files: lazyFiles, ...lazyFiles.reduce((a, f) => add(a, files[f]), ZERO) },
    icons,
    files,
  };
}

/** raw / gzip / brotli of one file on disk (null when missing). */
export function fileSizes(path) {
  try {
    if (!statSync(path).isFile()) return null;
    return sizesOf(readFileSync(path));
  } catch {
    return null;
  }
}
