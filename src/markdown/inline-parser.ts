/**
 * Inline markdown → Inline nodes: the CommonMark 0.31 reference algorithm (commonmark.js' inlines.js: a node
 * list, the delimiter stack with openers_bottom, the bracket stack with reference links) plus GFM strikethrough,
 * GFM autolink literals, and TeX math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`). Raw HTML is never recognised, so
 * `<script>` stays literal text. Every scan that looks ahead is bounded or memoized, so the parse is linear on
 * pathological input, and nesting deeper than MAX_INLINE_DEPTH is flattened. Longer than most modules because
 * the delimiter and bracket algorithms share their state.
 */
import { linkify, matchUrlLiteral } from './autolink.ts';
import { decodeEntity, REF_SOURCE } from './entities.ts';
import { encodeUrl, isWhite, normalizeLabel, scanInlineLink, scanLabel, type RefMap } from './link-syntax.ts';
import { scanStats } from './scan-stats.ts';
import type { Inline, InlineSource } from './types.ts';

/** Deepest nesting of emphasis and links that is kept; deeper wrappers are dropped (their text stays). */
export const MAX_INLINE_DEPTH = 16;

type Kind = 'text' | 'code' | 'math' | 'em' | 'strong' | 'del' | 'link' | 'image' | 'br';
interface N {
  t: Kind; v: string; at: number; n?: number | undefined;
  href?: string; title?: string | undefined; display?: boolean; raw?: string;
  prev: N | null; next: N | null; first: N | null; last: N | null; parent: N | null;
}
interface Delim { ch: string; n: number; orig: number; node: N; open: boolean; close: boolean; prev: Delim | null; next: Delim | null }
interface Bracket { node: N; prev: Bracket | null; prevDelim: Delim | null; index: number; image: boolean; active: boolean; after: boolean }

const PUNCT = /[\p{P}\p{S}]/u;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITY = new RegExp(REF_SOURCE, 'y');
const TEXT = /[^\n\\`*_~[\]!<&$]+/y;
const URI_AUTOLINK = /<([A-Za-z][A-Za-z\d+.-]{1,31}:[^<>\x00-\x20]*)>/y;
const EMAIL_AUTOLINK =
  /<([a-zA-Z\d.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?(?:\.[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?)*)>/y;
const MATH_BODY = /[^\\\s]/;
const URL_START = /https?:\/\/|www\./i;

const node = (t: Kind, v: string, at: number, n?: number): N => ({ t, v, at, n, prev: null, next: null, first: null, last: null, parent: null });

function append(parent: N, child: N): void {
  child.parent = parent;
  child.prev = parent.last;
  child.next = null;
  if (parent.last) parent.last.next = child;
  else parent.first = child;
  parent.last = child;
}

function unlink(x: N): void {
  if (x.prev) x.prev.next = x.next;
  else if (x.parent) x.parent.first = x.next;
  if (x.next) x.next.prev = x.prev;
  else if (x.parent) x.parent.last = x.prev;
  x.parent = x.prev = x.next = null;
}

function insertAfter(x: N, y: N): void {
  y.parent = x.parent;
  y.prev = x;
  y.next = x.next;
  if (x.next) x.next.prev = y;
  else if (x.parent) x.parent.last = y;
  x.next = y;
}

/** The character before `i`, whole if it is the low half of a surrogate pair ('\n' at the start). */
const before = (s: string, i: number) => (i <= 0 ? '\n' : /[\udc00-\udfff]/.test(s[i - 1]!) && i > 1 ? s.slice(i - 2, i) : s[i - 1]!);
const after = (s: string, i: number) => (i >= s.length ? '\n' : String.fromCodePoint(s.codePointAt(i)!));

/**
 * Set by parseInline when something at the end of the source is still undecided: an opener, a bracket, a code
 * span or math without its closer, a link destination cut off. Text appended later can only change the
 * result of a source for which `clean` stays true after its last whitespace (the open paragraph's chunks).
 */
export interface InlineProbe {
  clean: boolean;
}

/** Parses inline content against the link reference definitions `refs`; `literals` false turns GFM autolink literals off. */
export function parseInline(source: InlineSource, refs: RefMap = new Map(), literals = true, probe?: InlineProbe): Inline[] {
  const { src: s, at: base, lines } = source;
  scanStats.scanned += s.length;
  scanStats.inline += s.length;
  const pending = () => probe && (probe.clean = false);
  // Offsets: the line map is walked with a cursor, since nodes are made roughly left to right.
  let li = -2;
  const atOf = (k: number): number => {
    if (!lines) return base + k;
    while (li + 2 < lines.length && lines[li + 2]! <= k) li += 2;
    while (li >= 0 && lines[li]! > k) li -= 2;
    return li < 0 ? base + k : lines[li + 1]! + (k - lines[li]!);
  };
  const root = node('text', '', base);
  let delims: Delim | null = null;
  let brackets: Bracket | null = null;
  let pos = 0;
  // Backtick runs by length, found once, so an unmatched run never triggers a rescan.
  let runs: Map<number, number[]> | null = null;
  const runPtr = new Map<number, number>();
  let noDisplayClose = -1;
  // Past these offsets there is no `\)` / `\]` left, so `\(` and `\[` need no search.
  const noClose: Record<string, number> = { '(': -1, '[': -1 };
  const text = (v: string, k: number, n?: number) => {
    const x = node('text', v, atOf(k), n);
    append(root, x);
    return x;
  };

  const removeDelim = (d: Delim) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else delims = d.prev;
  };

  const processEmphasis = (bottom: Delim | null) => {
    const openersBottom: Array<Delim | null> = new Array(16).fill(bottom);
    let closer = delims;
    while (closer && closer.prev !== bottom) closer = closer.prev;
    while (closer) {
      if (!closer.close) {
        closer = closer.next;
        continue;
      }
      const tilde = closer.ch === '~';
      const idx = tilde ? 14 + (closer.orig - 1) : (closer.ch === '_' ? 2 : 8) + (closer.open ? 3 : 0) + (closer.orig % 3);
      let opener = closer.prev;
      let found = false;
      while (opener && opener !== bottom && opener !== openersBottom[idx]) {
        if (opener.ch === closer.ch && opener.open) {
          if (tilde ? opener.n === closer.n : !((closer.open || opener.close) && closer.orig % 3 !== 0 && (opener.orig + closer.orig) % 3 === 0)) {
            found = true;
            break;
          }
        }
        opener = opener.prev;
      }
      const old = closer;
      if (found && opener) {
        const use = tilde ? closer.n : closer.n >= 2 && opener.n >= 2 ? 2 : 1;
        const oNode = opener.node;
        const cNode = closer.node;
        opener.n -= use;
        closer.n -= use;
        oNode.v = oNode.v.slice(0, oNode.v.length - use);
        cNode.v = cNode.v.slice(0, cNode.v.length - use);
        const wrap = node(tilde ? 'del' : use === 1 ? 'em' : 'strong', '', 0);
        for (let x = oNode.next; x && x !== cNode; ) {
          const nx = x.next;
          unlink(x);
          append(wrap, x);
          x = nx;
        }
        insertAfter(oNode, wrap);
        // Delimiters between the pair can no longer match anything.
        if (closer.prev !== opener) {
          opener.next = closer;
          closer.prev = opener;
        }
        cNode.at += use;
        if (!opener.n) {
          unlink(oNode);
          removeDelim(opener);
        }
        if (!closer.n) {
          unlink(cNode);
          const nx = closer.next;
          removeDelim(closer);
          closer = nx;
        }
      } else closer = closer.next;
      if (!found) {
        openersBottom[idx] = old.prev;
        if (!old.open) removeDelim(old);
      }
    }
    while (delims && delims !== bottom) {
      if (!bottom && delims.open) pending();
      removeDelim(delims);
    }
  };

  const closeBracket = () => {
    const start = pos;
    pos++;
    const opener = brackets;
    if (!opener) return void text(']', start);
    if (!opener.active) {
      text(']', start);
      brackets = opener.prev;
      return;
    }
    let dest: [string, string | undefined] | null = null;
    if (s[pos] === '(') {
      const l = scanInlineLink(s, pos);
      if (l) {
        dest = [l[0], l[1]];
        pos = l[2];
      } else pending();
    }
    if (!dest) {
      // Reference link: full [text][label], collapsed [text][] or shortcut [text].
      const e = scanLabel(s, pos);
      if (e < 0 && s[pos] === '[') pending();
      let label: string | null = null;
      if (e > pos + 2) label = s.slice(pos + 1, e - 1);
      else if (!opener.after) label = s.slice(opener.index, start);
      const ref = label !== null && label.length <= 999 ? refs.get(normalizeLabel(label)) : undefined;
      if (ref) {
        dest = [ref.href, ref.title];
        if (e > 0) pos = e;
      }
    }
    if (!dest) {
      brackets = opener.prev;
      pos = start + 1;
      text(']', start);
      return;
    }
    const link = node(opener.image ? 'image' : 'link', '', opener.node.at);
    link.href = dest[0];
    link.title = dest[1];
    for (let x = opener.node.next; x; ) {
      const nx = x.next;
      unlink(x);
      append(link, x);
      x = nx;
    }
    append(root, link);
    processEmphasis(opener.prevDelim);
    brackets = opener.prev;
    unlink(opener.node);
    // No links inside links: earlier `[` can no longer open one. Stop at the first already inactive one, below
    // which everything was deactivated before (keeps `[[[…[a](b)[a](b)…` linear).
    if (!opener.image) for (let b = brackets; b && (b.active || b.image); b = b.prev) if (!b.image) b.active = false;
  };

  const math = (from: number, to: number, end: number, display: boolean) => {
    const v = s.slice(from, to);
    const x = node('math', v.trim(), atOf(pos));
    x.display = display;
    x.raw = s.slice(pos, end);
    append(root, x);
    pos = end;
  };

  while (pos < s.length) {
    const c = s[pos]!;
    switch (c) {
      case '\n': {
        const last = root.last;
        if (last?.t === 'text' && !last.n && last.v.endsWith(' ')) {
          const hard = last.v.endsWith('  ');
          last.v = last.v.replace(/ +$/, '');
          append(root, hard ? node('br', '', 0) : node('text', '\n', atOf(pos)));
        } else append(root, node('text', '\n', atOf(pos)));
        pos++;
        while (s[pos] === ' ' || s[pos] === '\t') pos++;
        break;
      }
      case '\\': {
        const d = s[pos + 1];
        if (d === '\n') {
          append(root, node('br', '', 0));
          pos += 2;
          while (s[pos] === ' ' || s[pos] === '\t') pos++;
        } else if ((d === '(' || d === '[') && pos > noClose[d]!) {
          const e = s.indexOf(d === '(' ? '\\)' : '\\]', pos + 2);
          if (e < 0) {
            noClose[d] = s.length;
            pending();
          }
          if (e > 0 && MATH_BODY.test(s.slice(pos + 2, e))) math(pos + 2, e, e + 2, d === '[');
          else {
            text(d, pos, 2);
            pos += 2;
          }
        } else if (d !== undefined && ESCAPABLE.test(d)) {
          text(d, pos, 2);
          pos += 2;
        } else {
          text('\\', pos);
          pos++;
        }
        break;
      }
      case '`': {
        let e = pos;
        while (s[e] === '`') e++;
        const len = e - pos;
        if (!runs) {
          runs = new Map();
          for (const m of s.matchAll(/`+/g)) {
            const l = m[0].length;
            if (!runs.has(l)) runs.set(l, []);
            runs.get(l)!.push(m.index);
          }
        }
        const list = runs.get(len) ?? [];
        let p = runPtr.get(len) ?? 0;
        while (p < list.length && list[p]! < e) p++;
        runPtr.set(len, p);
        const close = list[p];
        if (close === undefined) {
          pending();
          text(s.slice(pos, e), pos);
          pos = e;
          break;
        }
        let v = s.slice(e, close).replace(/\n/g, ' ');
        if (v.length > 1 && v[0] === ' ' && v.endsWith(' ') && /[^ ]/.test(v)) v = v.slice(1, -1);
        append(root, node('code', v, atOf(pos)));
        pos = close + len;
        break;
      }
      case '$': {
        if (s[pos + 1] === '$') {
          const e = pos > noDisplayClose ? s.indexOf('$$', pos + 2) : -1;
          if (e < 0) {
            noDisplayClose = s.length;
            pending();
          }
          if (e > 0 && MATH_BODY.test(s.slice(pos + 2, e))) {
            math(pos + 2, e, e + 2, true);
            break;
          }
          text('$$', pos);
          pos += 2;
          break;
        }
        // Pandoc's rule: `$` then a non-space, a closing `$` after a non-space and not before a digit.
        let e = s.indexOf('$', pos + 1);
        while (e > 0 && s[e - 1] === '\\') e = s.indexOf('$', e + 1);
        if (e < 0) pending();
        if (e > pos + 1 && !isWhite(s[pos + 1]) && !isWhite(s[e - 1]) && !/\d/.test(s[e + 1] ?? '') && s[e + 1] !== '$') {
          math(pos + 1, e, e + 1, false);
        } else {
          text('$', pos);
          pos++;
        }
        break;
      }
      case '*':
      case '_':
      case '~': {
        let e = pos;
        while (s[e] === c) e++;
        const n = e - pos;
        const x = text(s.slice(pos, e), pos);
        if (c === '~' && n > 2) {
          pos = e;
          break;
        }
        const b = before(s, pos);
        const a = after(s, e);
        const [sb, sa, pb, pa] = [isWhite(b), isWhite(a), PUNCT.test(b), PUNCT.test(a)];
        const left = !sa && (!pa || sb || pb);
        const right = !sb && (!pb || sa || pa);
        const open = c === '_' ? left && (!right || pb) : left;
        const close = c === '_' ? right && (!left || pa) : right;
        if (open || close) {
          const d: Delim = { ch: c, n, orig: n, node: x, open, close, prev: delims, next: null };
          if (delims) delims.next = d;
          delims = d;
        }
        pos = e;
        break;
      }
      case '!':
      case '[': {
        const img = c === '!';
        if (img && s[pos + 1] !== '[') {
          text('!', pos);
          pos++;
          break;
        }
        const x = text(img ? '![' : '[', pos);
        pos += img ? 2 : 1;
        if (brackets) brackets.after = true;
        brackets = { node: x, prev: brackets, prevDelim: delims, index: pos, image: img, active: true, after: false };
        break;
      }
      case ']':
        closeBracket();
        break;
      case '<': {
        let m: RegExpExecArray | null = null;
        for (const re of [URI_AUTOLINK, EMAIL_AUTOLINK]) {
          re.lastIndex = pos;
          if ((m = re.exec(s))) {
            const link = node('link', '', atOf(pos));
            link.href = encodeUrl(re === URI_AUTOLINK ? m[1]! : 'mailto:' + m[1]);
            append(link, node('text', m[1]!, atOf(pos + 1), m[1]!.length));
            append(root, link);
            pos += m[0].length;
            break;
          }
        }
        if (!m) {
          text('<', pos);
          pos++;
        }
        break;
      }
      case '&': {
        ENTITY.lastIndex = pos;
        const m = ENTITY.exec(s);
        const v = m && decodeEntity(m[1]!);
        if (m && v) {
          text(v, pos, m[0].length);
          pos += m[0].length;
        } else {
          text('&', pos);
          pos++;
        }
        break;
      }
      default: {
        TEXT.lastIndex = pos;
        let v = TEXT.exec(s)![0];
        // A URL literal is taken whole, before emphasis could split it.
        const k = literals ? v.search(URL_START) : -1;
        const url = k < 0 ? null : matchUrlLiteral(s, pos + k, !!brackets);
        if (k >= 0) v = v.slice(0, url || k ? k : k + 1);
        if (v) text(v, pos);
        pos += v.length;
        if (url) {
          const link = node('link', '', atOf(pos));
          link.href = encodeUrl(url[1]);
          append(link, node('text', url[0], atOf(pos), url[0].length));
          append(root, link);
          pos += url[0].length;
        }
      }
    }
  }
  if (brackets) pending();
  processEmphasis(null);
  const list = convert(root.first);
  return literals ? linkify(list) : list;
}

/** The linked node tree → Inline[], iteratively (the tree may be deep), merging adjacent plain text. */
function convert(first: N | null): Inline[] {
  const out: Inline[] = [];
  const frames: Array<{ x: N | null; out: Inline[]; depth: number; link?: boolean }> = [{ x: first, out, depth: 0 }];
  while (frames.length) {
    const f = frames[frames.length - 1]!;
    const x = f.x;
    if (!x) {
      frames.pop();
      continue;
    }
    f.x = x.next;
    const o = f.out;
    switch (x.t) {
      case 'text': {
        if (!x.v) break;
        const last = o[o.length - 1];
        if (!x.n && last?.type === 'text' && !last.n && last.at + last.v.length === x.at) {
          o[o.length - 1] = { type: 'text', v: last.v + x.v, at: last.at };
        } else o.push(x.n ? { type: 'text', v: x.v, at: x.at, n: x.n } : { type: 'text', v: x.v, at: x.at });
        break;
      }
      case 'br':
        o.push({ type: 'br' });
        break;
      case 'code':
        o.push({ type: 'code', v: x.v, at: x.at });
        break;
      case 'math':
        o.push({ type: 'math', v: x.v, at: x.at, display: !!x.display, raw: x.raw! });
        break;
      case 'image':
        o.push({ type: 'image', src: x.href!, alt: plainText(x.first), title: x.title, at: x.at });
        break;
      default: {
        // Too deep, or a URL literal inside a link's text: keep the text, drop the wrapper.
        if (f.depth >= MAX_INLINE_DEPTH || (x.t === 'link' && f.link)) {
          frames.push({ x: x.first, out: o, depth: f.depth, link: f.link });
          break;
        }
        const children: Inline[] = [];
        o.push(x.t === 'link' ? { type: 'link', href: x.href!, title: x.title, children, at: x.at } : { type: x.t as 'em', children });
        frames.push({ x: x.first, out: children, depth: f.depth + 1, link: f.link || x.t === 'link' });
      }
    }
  }
  return out;
}

/** The text of a node subtree (image alt text), walked iteratively. */
function plainText(first: N | null): string {
  let v = '';
  const stack: Array<N | null> = [first];
  while (stack.length) {
    const x = stack.pop();
    if (!x) continue;
    stack.push(x.next);
    if (x.t === 'br') v += ' ';
    else if (x.t === 'math') v += x.raw;
    else if (x.first) stack.push(x.first);
    else v += x.v;
  }
  return v;
}

/** The plain text of inline nodes (image alt text, checkbox labels). */
export function flattenText(list: readonly Inline[]): string {
  return list
    .map((n) =>
      n.type === 'br' ? ' ' : n.type === 'image' ? n.alt : n.type === 'math' ? n.raw : 'children' in n ? flattenText(n.children) : n.v,
    )
    .join('');
}
