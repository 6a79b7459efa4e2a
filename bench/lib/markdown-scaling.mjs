/**
 * `--only markdown`: time vs input size for the pathological Markdown families (bench/lib/markdown-families.mjs)
 * and per-delta cost of a streaming answer, in Node (the parser is plain code: no DOM involved). A family is
 * linear when its time per character stays flat as the input grows: the suite reports µs per character at each
 * size and the growth exponent (least-squares slope of log time over log size; 1 is linear, 2 quadratic).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as esbuild from 'esbuild';
import { FAMILIES } from './markdown-families.mjs';

export const SIZES = [10_000, 20_000, 40_000, 80_000, 160_000];

// Parses a document whole (blocks, then every inline source), as rendering it would.
const ENTRY = `
import { parseMarkdown } from './src/markdown/block-parser.ts';
import { createIncrementalMarkdown } from './src/markdown/incremental.ts';
import { parseInline } from './src/markdown/inline-parser.ts';
import { createOpenParagraph, parseOpenParagraph } from './src/markdown/open-paragraph.ts';
const inlines = (b, refs) => {
  if (b.type === 'p' || b.type === 'h') parseInline(b, refs);
  else if (b.type === 'quote') b.children.forEach((c) => inlines(c, refs));
  else if (b.type === 'list') b.items.forEach((it) => it.children.forEach((c) => inlines(c, refs)));
  else if (b.type === 'table') [b.head, ...b.rows].forEach((r) => r.cells.forEach((c) => parseInline(c, refs)));
};
export function parseAll(text) {
  const doc = parseMarkdown(text);
  doc.blocks.forEach((b) => inlines(b, doc.refs));
  return doc;
}
export { createIncrementalMarkdown, createOpenParagraph, inlines, parseOpenParagraph };
`;

async function loadParser(root, tmp) {
  const out = join(tmp, 'markdown-bench.mjs');
  await esbuild.build({ stdin: { contents: ENTRY, resolveDir: root, loader: 'ts' }, outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  return import(pathToFileURL(out).href + '?t=' + Date.now());
}

// A collection before each timed run, so one run does not pay for the garbage of the previous ones.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

function time(fn, minMs = 150) {
  // Repeats until `minMs` has passed (at least 5 times) and keeps the fastest run: the machine is shared, and
  // the fastest run is the one least disturbed by other work and by garbage collection.
  let best = Infinity;
  const t0 = performance.now();
  for (let i = 0; i < 5 || performance.now() - t0 < minMs; i++) {
    gc();
    const a = performance.now();
    fn();
    best = Math.min(best, performance.now() - a);
    if (performance.now() - t0 > 5000) break;
  }
  return best;
}

/** Runs the suite; returns rows per family and the streaming figures. */
export async function runMarkdownScaling({ root, tmp, log }) {
  const md = await loadParser(root, tmp);
  const families = [];
  // Warm the JIT on every family first, so the smallest size is not measured cold.
  for (const make of Object.values(FAMILIES)) for (let i = 0; i < 3; i++) md.parseAll(make(SIZES[0]));
  for (const [name, make] of Object.entries(FAMILIES)) {
    const points = SIZES.map((n) => {
      const text = make(n);
      const ms = time(() => md.parseAll(text));
      return { chars: text.length, ms, usPerChar: (1000 * ms) / text.length };
    });
    // Least-squares slope of log(time) over log(size).
    const xs = points.map((p) => Math.log(p.chars));
    const ys = points.map((p) => Math.log(p.ms));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const exponent = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    families.push({ name, points, exponent });
    log(`  ${name}: ${points.map((p) => p.usPerChar.toFixed(3)).join(' / ')} µs/char, exponent ${exponent.toFixed(2)}`);
  }
  // Streaming: one open paragraph growing by 8-character deltas; cost of one update (the block parse, then the
  // open paragraph's inline parse as rendering does it: frozen chunks kept, the rest parsed) at each length.
  const streaming = [10_000, 40_000, 160_000].map((n) => {
    const words = 'lorem *ipsum* dolor [sit](https://a.example) amet, `code` consectetur ';
    const text = words.repeat(Math.ceil((n + 20_000) / words.length));
    const parser = md.createIncrementalMarkdown();
    const para = md.createOpenParagraph();
    // Stream up to the measured region, so the frozen chunks exist as they would in a real stream.
    for (let k = 1000; k < n; k += 1000) {
      const doc = parser.update(text.slice(0, k));
      md.parseOpenParagraph(para, doc.blocks[doc.blocks.length - 1], doc.refs, true);
    }
    let k = n;
    const ms = time(() => {
      k = Math.min(k + 8, n + 19_000);
      const doc = parser.update(text.slice(0, k));
      md.parseOpenParagraph(para, doc.blocks[doc.blocks.length - 1], doc.refs, true);
    }, 50);
    return { chars: n, msPerDelta: ms };
  });
  log(`  open paragraph per delta: ${streaming.map((s) => `${s.msPerDelta.toFixed(2)} ms at ${s.chars}`).join(', ')}`);
  return { sizes: SIZES, families, streaming };
}

/** The Markdown section of RESULTS.md. */
export function markdownSection(m) {
  const head = `| Family | ${m.sizes.map((s) => `µs/char at ${s / 1000}k`).join(' | ')} | exponent |`;
  const sep = `|---|${m.sizes.map(() => '---:').join('|')}|---:|`;
  const rows = m.families.map((f) => `| ${f.name.replace(/\|/g, '\\|')} | ${f.points.map((p) => p.usPerChar.toFixed(3)).join(' | ')} | ${f.exponent.toFixed(2)}${f.exponent > 1.3 ? ' **(superlinear)**' : ''} |`);
  const s = m.streaming.map((x) => `${x.msPerDelta.toFixed(3)} ms at ${x.chars.toLocaleString('en-US')} chars`).join(', ');
  return [head, sep, ...rows, '', `Open paragraph, one 8-character delta (parse + inline of the open block): ${s}.`].join('\n');
}
