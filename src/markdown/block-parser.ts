/**
 * Block structure as a line-by-line state machine: the CommonMark 0.31 reference algorithm (commonmark.js'
 * blocks.js: container continuation, block starts, lazy continuation, tabs as columns, indented and fenced code,
 * link reference definitions) plus GFM tables and task items. Raw HTML blocks are not recognised (HTML stays
 * text). Containers nest at most MAX_DEPTH deep, so rendering cannot overflow the stack.
 * All state lives in `ParserState`, so the streaming wrapper can snapshot it after the last complete line and
 * resume there: a closed block is built once and never touched again. Longer than most modules because the
 * container rules only make sense read together.
 */
import { unescapeText } from './entities.ts';
import { parseRefDefs, type RefMap } from './link-syntax.ts';
import { scanStats } from './scan-stats.ts';
import type { Align, Block, InlineSource, ListItem, TableRow } from './types.ts';

/** Lines per frozen code chunk: keeps re-joining the open chunk per update cheap however long the block gets. */
export const CODE_CHUNK_LINES = 32;
/** Deepest nesting of block quotes and list items; deeper markers stay text. */
export const MAX_DEPTH = 16;

interface PLine { s: string; at: number }
type Kid = Block | ListItem;
type Box =
  | { type: 'doc' | 'quote'; at: number; l0: number; kids: Kid[] }
  | { type: 'item'; at: number; l0: number; kids: Kid[]; w: number; task: boolean | undefined }
  | { type: 'list'; at: number; l0: number; kids: Kid[]; ordered: boolean; mark: string; start: number };
type Leaf =
  | { type: 'p'; l0: number; lines: PLine[] }
  | {
      type: 'code'; at: number; l0: number; lang: string;
      fence: string; fo: number; lines: string[]; parts: string[];
    }
  | { type: 'table'; at: number; l0: number; align: Align[]; head: TableRow; rows: TableRow[] }
  // An HTML comment block (CommonMark HTML block kind 2): swallowed until `-->`, and never shown.
  | { type: 'comment'; l0: number };

/** Everything needed to continue parsing after some line: open containers, the open leaf, definitions. */
export interface ParserState { stack: Box[]; leaf: Leaf | null; refs: RefMap; n: number }

/** A parsed document: its blocks and the link reference definitions inline content is resolved against. */
export interface MarkdownDoc { readonly blocks: readonly Block[]; readonly refs: RefMap }

const HR = /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
const ATX = /^#{1,6}(?:[ \t]+|$)/;
const FENCE = /^(?:`{3,}(?!.*`)|~{3,})/;
const FENCE_END = /^(?:`{3,}|~{3,})(?=[ \t]*$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const BULLET = /^[*+-]/;
const ORDERED = /^(\d{1,9})([.)])/;
const MAYBE_SPECIAL = /^[#`~*+_=<>0-9|:-]/;
const DELIM_CELL = /^:?-+:?$/;
const TASK = /^\[([ xX])\](?=[ \t])/;

/** Where the scan of one line stands (commonmark.js' offset/column bookkeeping; a tab counts to the next stop of 4). */
interface Cur { ln: string; off: number; col: number; nn: number; nnc: number; ind: number; blank: boolean; partial: boolean }

function findNextNonspace(c: Cur): void {
  let i = c.off;
  let cols = c.col;
  for (let ch; (ch = c.ln[i]) === ' ' || ch === '\t'; i++) cols += ch === ' ' ? 1 : 4 - (cols % 4);
  c.blank = i >= c.ln.length;
  c.nn = i;
  c.nnc = cols;
  c.ind = cols - c.col;
}

function advance(c: Cur, count: number, columns: boolean): void {
  for (let ch; count > 0 && (ch = c.ln[c.off]) !== undefined; ) {
    if (ch === '\t') {
      const toTab = 4 - (c.col % 4);
      if (columns) {
        c.partial = toTab > count;
        const n = Math.min(toTab, count);
        c.col += n;
        c.off += c.partial ? 0 : 1;
        count -= n;
      } else {
        c.partial = false;
        c.col += toTab;
        c.off++;
        count--;
      }
    } else {
      c.partial = false;
      c.off++;
      c.col++;
      count--;
    }
  }
}

function advanceNextNonspace(c: Cur): void {
  c.off = c.nn;
  c.col = c.nnc;
  c.partial = false;
}

/** The rest of the line as content, a partly consumed tab becoming the spaces it still stands for. */
function rest(c: Cur): string {
  return c.partial ? ' '.repeat(4 - (c.col % 4)) + c.ln.slice(c.off + 1) : c.ln.slice(c.off);
}

const isSpaceTab = (ch: string | undefined) => ch === ' ' || ch === '\t';
const peek = (st: ParserState) => st.stack[st.stack.length - 1]!;

/** A fresh state for an empty document. */
export const createParserState = (): ParserState => ({
  stack: [{ type: 'doc', at: 0, l0: 0, kids: [] }],
  leaf: null,
  refs: new Map(),
  n: 0,
});

/** A copy that can be advanced without disturbing `st`; closed blocks are shared, never copied. */
export function cloneParserState(st: ParserState): ParserState {
  const l = st.leaf;
  return {
    stack: st.stack.map((b) => ({ ...b, kids: b.kids.slice() })),
    leaf: !l ? null
      : l.type === 'p' ? { ...l, lines: l.lines.slice() }
      : l.type === 'code' ? { ...l, lines: l.lines.slice(), parts: l.parts.slice() }
      : l.type === 'table' ? { ...l, rows: l.rows.slice() }
      : { ...l },
    refs: new Map(st.refs),
    n: st.n,
  };
}

/** Feeds one line (without its line break) that starts at source offset `at`. */
export function processLine(st: ParserState, line: string, at: number): void {
  scanStats.scanned += line.length;
  const n = st.n++;
  const c: Cur = { ln: line.endsWith('\r') ? line.slice(0, -1) : line, off: 0, col: 0, nn: 0, nnc: 0, ind: 0, blank: false, partial: false };
  const { stack } = st;
  // 1. Which open containers does this line continue?
  let m = 1;
  for (; m < stack.length; m++) {
    const b = stack[m]!;
    findNextNonspace(c);
    if (b.type === 'quote') {
      if (c.ind > 3 || c.ln[c.nn] !== '>') break;
      advanceNextNonspace(c);
      advance(c, 1, false);
      if (isSpaceTab(c.ln[c.off])) advance(c, 1, true);
    } else if (b.type === 'item') {
      if (c.blank) {
        const empty = !b.kids.length && m === stack.length - 1 && !st.leaf;
        if (empty) break;
        advanceNextNonspace(c);
      } else if (c.ind >= b.w) advance(c, b.w, true);
      else break;
    }
  }
  let leaf = st.leaf;
  let leafMatched = false;
  if (leaf && m === stack.length) {
    findNextNonspace(c);
    if (leaf.type === 'comment') {
      if (c.ln.includes('-->')) closeLeaf(st, n);
      return;
    }
    if (leaf.type === 'code') {
      if (leaf.fence) {
        const e = c.ind <= 3 && c.ln[c.nn] === leaf.fence[0] ? FENCE_END.exec(c.ln.slice(c.nn)) : null;
        if (e && e[0].length >= leaf.fence.length) return closeLeaf(st, n);
        for (let i = leaf.fo; i > 0 && isSpaceTab(c.ln[c.off]); i--) advance(c, 1, true);
        return addCodeLine(leaf, rest(c));
      }
      if (c.ind >= 4) {
        advance(c, 4, true);
        return addCodeLine(leaf, rest(c));
      }
      if (c.blank) return addCodeLine(leaf, '');
    } else leafMatched = !c.blank;
  }
  let allClosed = m === stack.length && (!leaf || leafMatched);
  const closeUnmatched = () => {
    if (allClosed) return;
    if (!leafMatched) closeLeaf(st, n - 1);
    while (stack.length > m) closeBox(st, n - 1);
    allClosed = true;
  };
  let depth = 0;
  for (let i = 1; i < m; i++) if (stack[i]!.type !== 'list') depth++;
  // 2. Block starts: new containers, then at most one leaf.
  let para = leafMatched && leaf?.type === 'p';
  for (;;) {
    findNextNonspace(c);
    const indented = c.ind >= 4;
    const r = c.ln.slice(c.nn);
    if (!indented && !MAYBE_SPECIAL.test(r)) {
      advanceNextNonspace(c);
      break;
    }
    if (!indented && r[0] === '>' && depth < MAX_DEPTH) {
      advanceNextNonspace(c);
      advance(c, 1, false);
      if (isSpaceTab(c.ln[c.off])) advance(c, 1, true);
      closeUnmatched();
      pushBox(st, { type: 'quote', at: at + c.nn, l0: n, kids: [] }, n);
      depth++;
      para = false;
      continue;
    }
    let x: RegExpExecArray | null;
    if (!indented && (x = ATX.exec(r))) {
      closeUnmatched();
      closeLeaf(st, n - 1);
      const from = c.nn + x[0].length;
      const t = c.ln.slice(from).replace(/^[ \t]*#+[ \t]*$/, '').replace(/[ \t]+#+[ \t]*$/, '').trim();
      const lead = c.ln.slice(from).length - c.ln.slice(from).trimStart().length;
      return add(st, { type: 'h', at: at + from + lead, l0: n, l1: n, level: x[0].trim().length, src: t, ref: t.includes(']') });
    }
    if (!indented && (x = FENCE.exec(r))) {
      closeUnmatched();
      closeLeaf(st, n - 1);
      const info = unescapeText(c.ln.slice(c.nn + x[0].length).trim());
      return openLeaf(st, { type: 'code', at: at + c.nn, l0: n, lang: info.split(/[ \t]/)[0]!, fence: x[0], fo: c.ind, lines: [], parts: [] });
    }
    if (!indented && r.startsWith('<!--')) {
      closeUnmatched();
      openLeaf(st, { type: 'comment', l0: n });
      if (r.includes('-->', 4)) closeLeaf(st, n);
      return;
    }
    if (!indented && para && SETEXT.test(r)) {
      closeUnmatched();
      const p = st.leaf as Extract<Leaf, { type: 'p' }>;
      st.leaf = null;
      const src = paragraphSource(p.lines, st.refs);
      if (src) return add(st, { type: 'h', l0: p.l0, l1: n, level: r[0] === '=' ? 1 : 2, ...src, ref: src.src.includes(']') });
      para = false;
    }
    if (!indented && HR.test(r)) {
      closeUnmatched();
      closeLeaf(st, n - 1);
      return add(st, { type: 'hr', at: at + c.nn, l0: n, l1: n });
    }
    const top = peek(st);
    if ((!indented || (top.type === 'list' && m === stack.length)) && depth < MAX_DEPTH) {
      const item = parseListMarker(c, para);
      if (item) {
        closeUnmatched();
        closeLeaf(st, n - 1);
        const cur = peek(st);
        if (cur.type !== 'list' || cur.mark !== item.mark || cur.ordered !== item.ordered) {
          pushBox(st, { type: 'list', at: at + item.at, l0: n, kids: [], ordered: item.ordered, mark: item.mark, start: item.start }, n);
        }
        const task = TASK.exec(c.ln.slice(c.off));
        if (task) {
          advance(c, 3, false);
          findNextNonspace(c);
          advanceNextNonspace(c);
        }
        pushBox(st, { type: 'item', at: at + item.at, l0: n, kids: [], w: item.w, task: task ? task[1] !== ' ' : undefined }, n);
        depth++;
        para = false;
        continue;
      }
    }
    if (indented && !c.blank && st.leaf?.type !== 'p' && st.leaf?.type !== 'table') {
      advance(c, 4, true);
      closeUnmatched();
      closeLeaf(st, n - 1);
      const code: Leaf = { type: 'code', at: at + c.off, l0: n, lang: '', fence: '', fo: 0, lines: [], parts: [] };
      openLeaf(st, code);
      return addCodeLine(code, rest(c));
    }
    advanceNextNonspace(c);
    break;
  }
  // 3. What is left of the line is text: a lazy paragraph line, a table row, or paragraph text.
  findNextNonspace(c);
  const text = c.ln.slice(c.off);
  const b = at + c.off;
  leaf = st.leaf;
  if (!allClosed && !c.blank && leaf?.type === 'p') return void leaf.lines.push({ s: text, at: b });
  closeUnmatched();
  leaf = st.leaf;
  if (c.blank) return;
  if (leaf?.type === 'table') return void leaf.rows.push(parseRow(text, b, leaf.align.length));
  if (leaf?.type === 'p') {
    const head = leaf.lines[leaf.lines.length - 1]!;
    const align = parseDelimiterRow(text);
    if (align && align.length === splitCells(head.s).length && (text.includes('|') || head.s.includes('|'))) {
      leaf.lines.pop();
      if (leaf.lines.length) closeLeaf(st, n - 2);
      st.leaf = { type: 'table', at: head.at, l0: n - 1, align, head: parseRow(head.s, head.at, align.length), rows: [] };
      return;
    }
    return void leaf.lines.push({ s: text, at: b });
  }
  openLeaf(st, { type: 'p', l0: n, lines: [{ s: text, at: b }] });
}

/** Opens a leaf in the innermost container (a list holds only items, so one on top ends first). */
function openLeaf(st: ParserState, leaf: Leaf): void {
  closeLeaf(st, leaf.l0 - 1);
  if (peek(st).type === 'list') closeBox(st, leaf.l0 - 1);
  st.leaf = leaf;
}

/** Closes everything still open and returns the document. Consumes `st`. */
export function finishParserState(st: ParserState): MarkdownDoc {
  closeLeaf(st, st.n - 1, true);
  while (st.stack.length > 1) closeBox(st, st.n - 1);
  return { blocks: st.stack[0]!.kids as Block[], refs: st.refs };
}

/** Parses a whole document at once (static text, and the reference the streaming parser must match). */
export function parseMarkdown(text: string): MarkdownDoc {
  const st = createParserState();
  for (let p = 0; p < text.length; ) {
    const nl = text.indexOf('\n', p);
    const e = nl < 0 ? text.length : nl;
    processLine(st, text.slice(p, e), p);
    p = e + 1;
  }
  return finishParserState(st);
}

interface Marker { ordered: boolean; mark: string; start: number; w: number; at: number }

/** commonmark.js' parseListMarker: the marker at the next non-space, and the item's content column. */
function parseListMarker(c: Cur, inPara: boolean): Marker | null {
  if (c.ind >= 4) return null;
  const r = c.ln.slice(c.nn);
  let x = BULLET.exec(r);
  let ordered = false;
  if (!x) {
    x = ORDERED.exec(r);
    if (!x || (inPara && +x[1]! !== 1)) return null;
    ordered = true;
  }
  const after = c.ln[c.nn + x[0].length];
  if (after !== undefined && !isSpaceTab(after)) return null;
  if (inPara && !c.ln.slice(c.nn + x[0].length).trim()) return null;
  const markerOffset = c.ind;
  const at = c.nn;
  advanceNextNonspace(c);
  advance(c, x[0].length, true);
  const col0 = c.col;
  const off0 = c.off;
  const partial0 = c.partial;
  do advance(c, 1, true);
  while (c.col - col0 < 5 && isSpaceTab(c.ln[c.off]));
  const blankItem = c.ln[c.off] === undefined;
  const spaces = c.col - col0;
  let pad: number;
  if (spaces >= 5 || spaces < 1 || blankItem) {
    pad = x[0].length + 1;
    c.col = col0;
    c.off = off0;
    c.partial = partial0;
    if (isSpaceTab(c.ln[c.off])) advance(c, 1, true);
  } else pad = x[0].length + spaces;
  return { ordered, mark: ordered ? x[2]! : x[0], start: ordered ? +x[1]! : 1, w: markerOffset + pad, at };
}

function addCodeLine(leaf: Extract<Leaf, { type: 'code' }>, r: string): void {
  leaf.lines.push(r);
  // Indented code drops its trailing blank lines at the end, so only fenced code is chunked.
  if (leaf.fence && leaf.lines.length === CODE_CHUNK_LINES) {
    leaf.parts.push(leaf.lines.join('\n') + '\n');
    leaf.lines = [];
  }
}

function pushBox(st: ParserState, box: Box, n: number): void {
  closeLeaf(st, n - 1);
  // A list holds only items: anything else opening at its level ends it.
  if (peek(st).type === 'list' && box.type !== 'item') closeBox(st, n - 1);
  st.stack.push(box);
}

function add(st: ParserState, block: Block): void {
  if (peek(st).type === 'list') closeBox(st, block.l0 - 1);
  peek(st).kids.push(block);
}

const gap = (a: Kid, b: Kid | undefined) => !!b && a.l1 !== b.l0 - 1;
const anyRef = (kids: readonly Kid[]) => kids.some((k) => k.ref);

function closeBox(st: ParserState, line: number): void {
  closeLeaf(st, line);
  const b = st.stack.pop()!;
  const { at, kids, l0 } = b;
  const parent = peek(st);
  const last = kids[kids.length - 1];
  if (b.type === 'list') {
    const items = kids as ListItem[];
    const loose = items.some((it, i) => gap(it, items[i + 1]) || it.children.some((k, j) => gap(k, it.children[j + 1])));
    parent.kids.push({ type: 'list', at, l0, l1: last?.l1 ?? l0, ordered: b.ordered, start: b.start, loose, items, ref: anyRef(items) });
  } else if (b.type === 'item') {
    parent.kids.push({ type: 'item', at, l0, l1: last?.l1 ?? l0, task: b.task, children: kids as Block[], ref: anyRef(kids) });
  } else parent.kids.push({ type: 'quote', at, l0, l1: line, children: kids as Block[], ref: anyRef(kids) });
}

/** Closes the open leaf; `open` marks a code block cut off by the end of the text (it may still grow). */
function closeLeaf(st: ParserState, line: number, open = false): void {
  const l = st.leaf;
  if (!l) return;
  st.leaf = null;
  const parent = peek(st);
  if (l.type === 'p') {
    const src = paragraphSource(l.lines, st.refs);
    if (src) parent.kids.push({ type: 'p', l0: l.l0, l1: line, ...src, ref: src.src.includes(']') });
  } else if (l.type === 'comment') {
    return;
  } else if (l.type === 'table') {
    parent.kids.push({ type: 'table', at: l.at, l0: l.l0, l1: line, align: l.align, head: l.head, rows: l.rows, ref: true });
  } else {
    let lines = l.lines;
    if (!l.fence) {
      let e = lines.length;
      while (e > 0 && !lines[e - 1]!.trim()) e--;
      lines = lines.slice(0, e);
    }
    const tail = lines.length ? [lines.join('\n') + '\n'] : [];
    scanStats.scanned += tail[0]?.length ?? 0;
    const parts = [...l.parts, ...tail];
    parent.kids.push(open ? { type: 'code', at: l.at, l0: l.l0, l1: line, lang: l.lang, parts, open } : { type: 'code', at: l.at, l0: l.l0, l1: line, lang: l.lang, parts });
  }
}

/** A paragraph's inline source once the reference definitions at its start are taken out; null if none is left. */
function paragraphSource(lines: PLine[], refs: RefMap): InlineSource | null {
  let s = lines[0]!.s;
  const map: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    s += '\n';
    map.push(s.length, lines[i]!.at);
    s += lines[i]!.s;
  }
  const k = s[0] === '[' ? parseRefDefs(s, refs) : 0;
  const src = s.slice(k).trimEnd();
  if (!src.trim()) return null;
  // Rebase the line map onto what is left.
  let at = lines[0]!.at + k;
  const rest: number[] = [];
  for (let i = 0; i < map.length; i += 2) {
    if (map[i]! <= k) at = map[i + 1]! + (k - map[i]!);
    else rest.push(map[i]! - k, map[i + 1]!);
  }
  return rest.length ? { src, at, lines: rest } : { src, at };
}

function splitCells(r: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const e = r.trimEnd().length;
  let i = 0;
  while (isSpaceTab(r[i])) i++;
  if (r[i] === '|') i++;
  for (let start = i; i <= e; i++) {
    if (r[i] === '\\') i++;
    else if (i === e ? start < e : r[i] === '|') {
      const cell = r.slice(start, i);
      const lead = cell.length - cell.trimStart().length;
      out.push([cell.trim(), start + lead]);
      start = i + 1;
    }
  }
  return out;
}

function parseDelimiterRow(r: string): Align[] | null {
  if (!/^[ \t|:-]+$/.test(r) || !r.includes('-')) return null;
  const cells = splitCells(r).map(([c]) => c);
  if (!cells.length || !cells.every((c) => DELIM_CELL.test(c))) return null;
  return cells.map((c) => (c.endsWith(':') ? (c[0] === ':' ? 'center' : 'right') : c[0] === ':' ? 'left' : ''));
}

function parseRow(r: string, at: number, n: number): TableRow {
  const cells = splitCells(r);
  // GFM: `\|` is a literal pipe in a cell, even inside a code span.
  const cell = (k: number): InlineSource => (cells[k] ? { src: cells[k][0].replace(/\\\|/g, '|'), at: at + cells[k][1] } : { src: '', at });
  return { at, cells: Array.from({ length: n }, (_, k) => cell(k)) };
}
