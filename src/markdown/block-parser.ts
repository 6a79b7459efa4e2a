/**
 * Block structure as a line-by-line state machine (the CommonMark container algorithm, GFM tables and task
 * items, no indented code, no HTML blocks). All state lives in `ParserState`, so the streaming wrapper can
 * snapshot it after the last complete line and resume there: a closed block is built once and never touched
 * again. Longer than most modules because the container rules only make sense read together.
 */
import { unescapeText } from './entities.ts';
import { parseInline } from './inline-parser.ts';
import { scanStats } from './scan-stats.ts';
import type { Align, Block, Inline, ListItem, TableRow } from './types.ts';

/** Lines per frozen code chunk: keeps re-joining the open chunk per update cheap however long the block gets. */
export const CODE_CHUNK_LINES = 32;

interface Line { s: string; at: number }
type Box =
  | { type: 'doc' | 'quote'; at: number; kids: Array<Block | ListItem> }
  | { type: 'item'; at: number; kids: Array<Block | ListItem>; w: number; task: boolean | undefined }
  | {
      type: 'list'; at: number; kids: Array<Block | ListItem>;
      ordered: boolean; mark: string; start: number; loose: boolean; blank: boolean;
    };
type List = Extract<Box, { type: 'list' }>;
type Leaf =
  | { type: 'p'; lines: Line[] }
  | { type: 'code'; at: number; lang: string; fence: string; indent: number; lines: string[]; parts: string[] }
  | { type: 'table'; at: number; align: Align[]; head: TableRow; parts: TableRow[] };

/** Everything needed to continue parsing after some line: the open containers and the open leaf. */
export interface ParserState { stack: Box[]; leaf: Leaf | null }

const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const FENCE_END = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST = /^(?:([-+*])|(\d{1,9})([.)]))(?=[ \t]|$)/;
const DELIM_CELL = /^:?-+:?$/;

/** Columns of whitespace from `i` (a tab counts 4), stopping once `max` is reached; returns [columns, index]. */
function measureIndent(s: string, i: number, max = 99): [number, number] {
  let c = 0;
  for (; c < max && (s[i] === ' ' || s[i] === '\t'); i++) c += s[i] === '\t' ? 4 : 1;
  return [c, i];
}
const isBlankFrom = (s: string, i: number) => measureIndent(s, i)[1] === s.length;
const peek = (st: ParserState, up = 1) => st.stack[st.stack.length - up]!;
const matchFence = (r: string) => {
  const f = FENCE.exec(r);
  return f && !(f[2]![0] === '`' && f[3]!.includes('`')) ? f : null;
};

/** A fresh state for an empty document. */
export const createParserState = (): ParserState => ({ stack: [{ type: 'doc', at: 0, kids: [] }], leaf: null });

/** A copy that can be advanced without disturbing `st`; closed blocks are shared, never copied. */
export function cloneParserState(st: ParserState): ParserState {
  const l = st.leaf;
  return {
    stack: st.stack.map((b) => ({ ...b, kids: b.kids.slice() })),
    leaf: !l ? null
      : l.type === 'p' ? { ...l, lines: l.lines.slice() }
      : l.type === 'code' ? { ...l, lines: l.lines.slice(), parts: l.parts.slice() }
      : { ...l, parts: l.parts.slice() },
  };
}

/** Feeds one line (without its line break) that starts at source offset `at`. */
export function processLine(st: ParserState, s: string, at: number): void {
  scanStats.scanned += s.length;
  if (s.endsWith('\r')) s = s.slice(0, -1);
  const { stack } = st;
  let i = 0;
  let m = 1;
  for (; m < stack.length; m++) {
    const b = stack[m]!;
    if (b.type === 'quote') {
      const [c, j] = measureIndent(s, i);
      if (c > 3 || s[j] !== '>') break;
      i = j + 1 + +(s[j + 1] === ' ');
    } else if (b.type === 'item' && !isBlankFrom(s, i)) {
      const [c, j] = measureIndent(s, i, b.w);
      if (c < b.w) break;
      i = j;
    }
  }
  const leaf = st.leaf;
  if (m === stack.length && leaf?.type === 'code') return addCodeLine(st, leaf, s.slice(i));
  // Lazy continuation: a paragraph keeps a line that lost its `>` / indent unless the line starts a block.
  if (m < stack.length && leaf?.type === 'p' && !isBlankFrom(s, i) && !startsBlock(s.slice(i))) {
    leaf.lines.push({ s: s.slice(i), at: at + i });
    return;
  }
  if (m < stack.length) {
    closeLeaf(st);
    while (stack.length > m) close(st);
  }
  let opened = false;
  for (;;) {
    const [c, j] = measureIndent(s, i);
    if (c > 3) break;
    const r = s.slice(j);
    if (r[0] === '>') {
      closeLeaf(st);
      push(st, { type: 'quote', at: at + j, kids: [] });
      i = j + 1 + +(r[1] === ' ');
    } else {
      const x = LIST.exec(r);
      if (!x || HR.test(r)) break;
      const after = j + x[0].length;
      const empty = isBlankFrom(s, after);
      // A list item may interrupt a paragraph only if it has content and (if ordered) starts at 1.
      if (st.leaf?.type === 'p' && (empty || (x[2] && +x[2] !== 1))) break;
      closeLeaf(st);
      const [sp, k] = measureIndent(s, after);
      const wide = empty || sp > 4;
      i = empty ? s.length : wide ? after + 1 : k;
      const mark = x[1] ?? x[3]!;
      const last = peek(st);
      if (last.type !== 'list' || last.mark !== mark) {
        const start = +(x[2] ?? 1);
        push(st, { type: 'list', at: at + j, kids: [], ordered: !x[1], mark, start, loose: false, blank: false });
      }
      const task = /^\[([ xX])\][ \t]/.exec(s.slice(i));
      if (task) i += 3;
      const w = c + x[0].length + (wide ? 1 : sp);
      push(st, { type: 'item', at: at + j, kids: [], w, task: task ? task[1] !== ' ' : undefined });
    }
    opened = true;
  }
  if (peek(st).type === 'list') close(st);
  const r = s.slice(i);
  const b = at + i;
  if (isBlankFrom(r, 0)) {
    closeLeaf(st);
    if (peek(st).type === 'item' && !opened) (peek(st, 2) as List).blank = true;
    return;
  }
  // A blank line followed by more of the same list makes the list loose.
  for (const x of stack) if (x.type === 'list' && x.blank) (x.loose = true), (x.blank = false);
  const cur = st.leaf;
  if (cur?.type === 'table') {
    if (!ATX.test(r) && !HR.test(r) && !matchFence(r)) return void cur.parts.push(parseRow(r, b, cur.align.length));
    closeLeaf(st);
  } else if (cur?.type === 'p') {
    const se = SETEXT.exec(r);
    if (se) {
      st.leaf = null;
      return add(st, { type: 'h', at: cur.lines[0]!.at, level: se[1]![0] === '=' ? 1 : 2, children: parseLines(cur.lines) });
    }
    const head = cur.lines[0]!;
    const align = cur.lines.length === 1 && head.s.includes('|') ? parseDelimiterRow(r) : null;
    if (align && align.length === splitCells(head.s).length) {
      st.leaf = { type: 'table', at: head.at, align, head: parseRow(head.s, head.at, align.length), parts: [] };
      return;
    }
  }
  const h = ATX.exec(r);
  const f = !h && matchFence(r);
  if (h || f || HR.test(r)) {
    closeLeaf(st);
    if (f) {
      const lang = unescapeText(f[3]!.trim().split(/[ \t]/)[0]!);
      st.leaf = { type: 'code', at: b, lang, fence: f[2]!, indent: f[1]!.length, lines: [], parts: [] };
    } else if (h) {
      const t = r.slice(h[0].length).replace(/(^|[ \t]+)#+[ \t]*$/, '').trimEnd();
      add(st, { type: 'h', at: b + h[0].length, level: h[1]!.length, children: parseInline(t, b + h[0].length) });
    } else add(st, { type: 'hr', at: b });
  } else if (st.leaf?.type === 'p') st.leaf.lines.push({ s: r, at: b });
  else {
    const lead = r.length - r.trimStart().length;
    st.leaf = { type: 'p', lines: [{ s: r.slice(lead), at: b + lead }] };
  }
}

/** Closes everything still open and returns the document's blocks. Consumes `st`. */
export function finishParserState(st: ParserState): Block[] {
  closeLeaf(st);
  while (st.stack.length > 1) close(st);
  return st.stack[0]!.kids as Block[];
}

/** Parses a whole document at once (static text, and the reference the streaming parser must match). */
export function parseMarkdown(text: string): Block[] {
  const st = createParserState();
  for (let p = 0; p < text.length; ) {
    const nl = text.indexOf('\n', p);
    const e = nl < 0 ? text.length : nl;
    processLine(st, text.slice(p, e), p);
    p = e + 1;
  }
  return finishParserState(st);
}

function startsBlock(r: string): boolean {
  const t = r.trimStart();
  return r.length - t.length < 4 && (t[0] === '>' || LIST.test(t) || ATX.test(t) || HR.test(t) || !!matchFence(t));
}

function addCodeLine(st: ParserState, leaf: Extract<Leaf, { type: 'code' }>, r: string): void {
  const end = FENCE_END.exec(r);
  if (end && end[1]![0] === leaf.fence[0] && end[1]!.length >= leaf.fence.length) return closeLeaf(st);
  leaf.lines.push(r.slice(measureIndent(r, 0, leaf.indent)[1]));
  if (leaf.lines.length === CODE_CHUNK_LINES) {
    leaf.parts.push(leaf.lines.join('\n') + '\n');
    leaf.lines = [];
  }
}

function push(st: ParserState, box: Box): void {
  // A list holds only items: anything else opening at its level ends it.
  if (peek(st).type === 'list' && box.type !== 'item') close(st);
  st.stack.push(box);
}

function add(st: ParserState, block: Block): void {
  peek(st).kids.push(block);
}

function close(st: ParserState): void {
  closeLeaf(st);
  const b = st.stack.pop()!;
  const { at, kids } = b;
  const parent = peek(st);
  if (b.type === 'list') {
    // A blank line pending at the end of a nested list separates the enclosing list's items.
    const outer = st.stack[st.stack.length - 2];
    if (b.blank && parent.type === 'item' && outer?.type === 'list') outer.blank = true;
    parent.kids.push({ type: 'list', at, ordered: b.ordered, start: b.start, loose: b.loose, items: kids as ListItem[] });
  } else if (b.type === 'item') parent.kids.push({ type: 'item', at, task: b.task, children: kids as Block[] });
  else parent.kids.push({ type: 'quote', at, children: kids as Block[] });
}

function closeLeaf(st: ParserState): void {
  const l = st.leaf;
  if (!l) return;
  st.leaf = null;
  if (l.type === 'p') add(st, { type: 'p', at: l.lines[0]!.at, children: parseLines(l.lines) });
  else if (l.type === 'table') add(st, { type: 'table', at: l.at, align: l.align, head: l.head, rows: l.parts });
  else {
    const tail = l.lines.length ? [l.lines.join('\n') + '\n'] : [];
    scanStats.scanned += tail[0]?.length ?? 0;
    add(st, { type: 'code', at: l.at, lang: l.lang, parts: [...l.parts, ...tail] });
  }
}

/** Joins paragraph lines so that index k of the result is source offset `lines[0].at + k`. */
function parseLines(lines: Line[]): Inline[] {
  const at = lines[0]!.at;
  let s = lines[0]!.s;
  for (const l of lines.slice(1)) s += '\n' + ' '.repeat(l.at - at - s.length - 1) + l.s;
  return parseInline(s.trimEnd(), at);
}

function splitCells(r: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const e = r.trimEnd().length;
  let i = measureIndent(r, 0)[1];
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
  const cells = splitCells(r).map(([c]) => c);
  if (!cells.length || !cells.every((c) => DELIM_CELL.test(c))) return null;
  return cells.map((c) => (c.endsWith(':') ? (c[0] === ':' ? 'center' : 'right') : c[0] === ':' ? 'left' : ''));
}

function parseRow(r: string, at: number, n: number): TableRow {
  const cells = splitCells(r);
  return { at, cells: Array.from({ length: n }, (_, k) => (cells[k] ? parseInline(cells[k][0], at + cells[k][1]) : [])) };
}
