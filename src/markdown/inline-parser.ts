/**
 * Inline markdown (CommonMark delimiter algorithm + GFM strikethrough and bare-URL autolinks) → Inline nodes.
 * Raw HTML is never recognised, so `<script>` stays literal text. Every text node records its source offset.
 */
import { linkify } from './autolink.ts';
import { decodeEntity, unescapeText } from './entities.ts';
import { scanStats } from './scan-stats.ts';
import type { Inline } from './types.ts';

interface Delim { type: 'delim'; ch: string; n: number; orig: number; at: number; open: boolean; close: boolean }
interface Bracket { type: 'bracket'; img: boolean; at: number; active: boolean }
type Node = Inline | Delim | Bracket;

const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ENTITY = /&(#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;
const SCHEME = /^[A-Za-z][A-Za-z\d+.-]{1,31}:/;
const AUTOLINK = /<([A-Za-z][A-Za-z\d+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/y;

const skipSpace = (s: string, i: number, nl = false): number => {
  while (s[i] === ' ' || s[i] === '\t' || (nl && s[i] === '\n')) i++;
  return i;
};

/** Parses the inline content `src`, whose first character sits at source offset `base`. */
export function parseInline(src: string, base: number): Inline[] {
  scanStats.scanned += src.length;
  const out: Node[] = [];
  const brackets: number[] = [];
  const noCloser = new Set<number>();
  let i = 0;
  let t = 0; // start of the pending plain-text run
  const text = (v: string, at: number, n?: number) => out.push(n ? { type: 'text', v, at, n } : { type: 'text', v, at });
  const flush = (e: number) => e > t && text(src.slice(t, e), base + t);
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      const d = src[i + 1] ?? '';
      if (d === '\n') {
        flush(i);
        out.push({ type: 'br' });
        t = i = skipSpace(src, i + 2);
      } else if (ESCAPABLE.test(d)) {
        flush(i);
        text(d, base + i, 2);
        t = i += 2;
      } else i++;
    } else if (c === '`') {
      let e = i;
      while (src[e] === '`') e++;
      const runs = /`+/g;
      runs.lastIndex = e;
      let m = null;
      // A failed search ran to the end, so a run of that length can never close later: no rescans.
      if (!noCloser.has(e - i)) while ((m = runs.exec(src)) && m[0].length !== e - i);
      if (!m) {
        noCloser.add(e - i);
        i = e;
        continue;
      }
      flush(i);
      let v = src.slice(e, m.index).replace(/\n/g, ' ');
      if (v[0] === ' ' && v.endsWith(' ') && v.trim()) v = v.slice(1, -1);
      out.push({ type: 'code', v, at: base + i });
      t = i = runs.lastIndex;
    } else if (c === '*' || c === '_' || c === '~') {
      let e = i;
      while (src[e] === c) e++;
      if (c === '~' && e - i > 2) {
        i = e;
        continue;
      }
      const b = src[i - 1] ?? ' ';
      const a = src[e] ?? ' ';
      const [sb, sa, pb, pa] = [SPACE.test(b), SPACE.test(a), PUNCT.test(b), PUNCT.test(a)];
      const left = !sa && (!pa || sb || pb);
      const right = !sb && (!pb || sa || pa);
      flush(i);
      const under = c === '_';
      out.push({
        type: 'delim', ch: c, n: e - i, orig: e - i, at: base + i,
        open: left && (!under || !right || pb),
        close: right && (!under || !left || pa),
      });
      t = i = e;
    } else if (c === '[' || (c === '!' && src[i + 1] === '[')) {
      flush(i);
      brackets.push(out.length);
      out.push({ type: 'bracket', img: c === '!', at: base + i, active: true });
      t = i += c === '!' ? 2 : 1;
    } else if (c === ']' && brackets.length) {
      flush(i);
      const bi = brackets.pop()!;
      const br = out[bi] as Bracket;
      const dest = br.active && src[i + 1] === '(' ? parseDestination(src, i + 2) : null;
      if (!dest) {
        t = i++;
        continue;
      }
      const kids = resolve(out.splice(bi + 1));
      const [href, title] = dest;
      out[bi] = br.img
        ? { type: 'image', src: href, alt: flattenText(kids), title, at: br.at }
        : { type: 'link', href, title, children: kids, at: br.at };
      // CommonMark: no links inside links, so earlier `[` can no longer open one.
      if (!br.img) for (const k of brackets) (out[k] as Bracket).active &&= (out[k] as Bracket).img;
      t = i = dest[2];
    } else if (c === '<' || c === '&') {
      const re = c === '<' ? AUTOLINK : ENTITY;
      re.lastIndex = i;
      const m = re.exec(src);
      const v = m && (c === '<' ? m[1]! : decodeEntity(m[1]!));
      if (!m || !v) {
        i++;
        continue;
      }
      flush(i);
      if (c === '&') text(v, base + i, m[0].length);
      else {
        const href = SCHEME.test(v) ? v : 'mailto:' + v;
        out.push({ type: 'link', href, children: [{ type: 'text', v, at: base + i + 1 }], at: base + i });
      }
      t = i += m[0].length;
    } else if (c === '\n') {
      let e = i;
      while (e > t && src[e - 1] === ' ') e--;
      flush(e);
      out.push(i - e > 1 ? { type: 'br' } : { type: 'text', v: '\n', at: base + i });
      t = i = skipSpace(src, i + 1);
    } else i++;
  }
  flush(i);
  return linkify(resolve(out));
}

/** Parses `(dest "title")` starting after the `(`; returns [dest, title, index after `)`] or null. */
function parseDestination(s: string, j: number): [string, string | undefined, number] | null {
  j = skipSpace(s, j, true);
  let k = j;
  let href: string;
  if (s[j] === '<') {
    for (k++; k < s.length && !'<>\n'.includes(s[k]!); k++) if (s[k] === '\\') k++;
    if (s[k] !== '>') return null;
    href = s.slice(j + 1, k++);
  } else {
    let depth = 0;
    for (; k < s.length; k++) {
      const c = s[k]!;
      if (c === '\\' && ESCAPABLE.test(s[k + 1] ?? '')) k++;
      else if (c === '(') depth++;
      else if (c === ')' && !depth--) break;
      else if (c <= ' ') break;
    }
    href = s.slice(j, k);
  }
  let e = skipSpace(s, k, true);
  let title: string | undefined;
  const q = s[e];
  if (e > k && (q === '"' || q === "'" || q === '(')) {
    const close = q === '(' ? ')' : q;
    let m = e + 1;
    for (; m < s.length && s[m] !== close; m++) if (s[m] === '\\') m++;
    if (m >= s.length) return null;
    title = unescapeText(s.slice(e + 1, m));
    e = skipSpace(s, m + 1, true);
  }
  return s[e] === ')' ? [unescapeText(href), title, e + 1] : null;
}

/** CommonMark "process emphasis" over a node list, then turns unused delimiters and brackets back into text. */
function resolve(list: Node[]): Inline[] {
  // Lowest index worth searching per closer kind; keeps "*a *a *a…" linear instead of quadratic.
  const bottom: Record<string, number> = {};
  for (let c = 0; c < list.length; c++) {
    const cl = list[c]!;
    if (cl.type !== 'delim' || !cl.close) continue;
    const key = cl.ch + +cl.open + (cl.orig % 3);
    const low = bottom[key] ?? 0;
    let o = c - 1;
    for (; o >= low; o--) {
      const op = list[o]!;
      if (op.type !== 'delim' || op.ch !== cl.ch || !op.open) continue;
      // Strikethrough needs equal runs; emphasis follows CommonMark's "rule of 3".
      const rule3 = (op.close || cl.open) && (op.orig + cl.orig) % 3 === 0 && (op.orig % 3 || cl.orig % 3);
      if (cl.ch === '~' ? op.n === cl.n : !rule3) break;
    }
    if (o < low) {
      bottom[key] = c;
      continue;
    }
    const op = list[o] as Delim;
    const use = cl.ch === '~' ? cl.n : op.n > 1 && cl.n > 1 ? 2 : 1;
    const type = cl.ch === '~' ? 'del' : use > 1 ? 'strong' : 'em';
    list.splice(o + 1, c - o - 1, { type, children: revertToText(list.slice(o + 1, c)) });
    // Openers give up their inner characters, closers their leading ones; offsets follow.
    op.n -= use;
    cl.n -= use;
    cl.at += use;
    c = o + 2;
    if (!op.n) list.splice(o, 1), c--;
    if (!cl.n) list.splice(c, 1);
    c--;
    for (const k in bottom) bottom[k] = Math.min(bottom[k]!, o);
  }
  return revertToText(list);
}

const revertToText = (list: Node[]): Inline[] =>
  list.map((n) =>
    n.type === 'delim' ? { type: 'text', v: n.ch.repeat(n.n), at: n.at }
    : n.type === 'bracket' ? { type: 'text', v: n.img ? '![' : '[', at: n.at }
    : n,
  );

/** The plain text of inline nodes (image alt text, checkbox labels). */
export function flattenText(list: readonly Inline[]): string {
  return list
    .map((n) => (n.type === 'br' ? ' ' : n.type === 'image' ? n.alt : 'children' in n ? flattenText(n.children) : n.v))
    .join('');
}
