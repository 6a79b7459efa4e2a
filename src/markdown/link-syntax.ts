/**
 * The pieces of link syntax that inline links and link reference definitions share (CommonMark 0.31 §6.3 and
 * §4.7): labels, destinations, titles, and the definitions at the start of a paragraph. Every scan is bounded
 * (labels 999 characters, destinations 32 nested parentheses, as cmark does) so repeated unclosed `[a](x` stays
 * linear.
 */
import { unescapeText } from './entities.ts';

/** A link reference definition: where `[label]` points. */
export interface LinkRef {
  readonly href: string;
  readonly title: string | undefined;
}

/** Definitions by normalized label; the first definition of a label wins. */
export type RefMap = Map<string, LinkRef>;

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const MAX_PARENS = 32;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';

/**
 * Percent-encodes what a URL may not contain literally, keeping existing escapes (commonmark.js' normalizeURI):
 * the browser then reads the same URL the author wrote, `\` included.
 */
export const encodeUrl = (u: string) =>
  u.replace(/%(?![\da-fA-F]{2})|[^\w\-.!~*'();/?:@&=+$,#%]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return '%EF%BF%BD';
    }
  });

/** Skips spaces, tabs and at most one line ending. */
export function skipSpaceNl(s: string, i: number): number {
  while (s[i] === ' ' || s[i] === '\t') i++;
  if (s[i] === '\n') i++;
  while (s[i] === ' ' || s[i] === '\t') i++;
  return i;
}

/** The matching label key: case-folded, inner whitespace collapsed; '' when the label is blank. */
export const normalizeLabel = (label: string) => label.trim().replace(/[ \t\r\n]+/g, ' ').toLowerCase().toUpperCase();

/** Scans a link label `[…]` at `i`; returns the index after `]`, or -1. */
export function scanLabel(s: string, i: number): number {
  if (s[i] !== '[') return -1;
  for (let j = i + 1; j < s.length && j - i <= 1000; j++) {
    const c = s[j];
    if (c === '\\' && ESCAPABLE.test(s[j + 1] ?? '')) j++;
    else if (c === '[') return -1;
    else if (c === ']') return j + 1;
  }
  return -1;
}

/** Scans a destination at `i`; returns [unescaped destination, index after it] or null. */
export function scanDestination(s: string, i: number): [string, number] | null {
  if (s[i] === '<') {
    for (let j = i + 1; j < s.length; j++) {
      const c = s[j];
      if (c === '\\' && ESCAPABLE.test(s[j + 1] ?? '')) j++;
      else if (c === '>') return [encodeUrl(unescapeText(s.slice(i + 1, j))), j + 1];
      else if (c === '<' || c === '\n') return null;
    }
    return null;
  }
  let depth = 0;
  let j = i;
  for (; j < s.length; j++) {
    const c = s[j]!;
    if (c === '\\' && ESCAPABLE.test(s[j + 1] ?? '')) j++;
    else if (c === '(') {
      if (++depth > MAX_PARENS) return null;
    } else if (c === ')') {
      if (!depth) break;
      depth--;
    } else if (c <= ' ' || c === '\x7f') break;
  }
  if (depth || j === i) return null;
  return [encodeUrl(unescapeText(s.slice(i, j))), j];
}

/** Scans a title ("…", '…' or (…)) at `i`; returns [unescaped title, index after it] or null. */
export function scanTitle(s: string, i: number): [string, number] | null {
  const q = s[i];
  const close = q === '(' ? ')' : q;
  if (q !== '"' && q !== "'" && q !== '(') return null;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '\\' && ESCAPABLE.test(s[j + 1] ?? '')) j++;
    else if (c === close) return [unescapeText(s.slice(i + 1, j)), j + 1];
    else if (q === '(' && c === '(') return null;
    // A title cannot contain a blank line.
    else if (c === '\n' && /^[ \t]*\n/.test(s.slice(j + 1, j + 80))) return null;
  }
  return null;
}

/** Parses `(dest "title")` whose `(` is at `i`; returns [href, title, index after `)`] or null. */
export function scanInlineLink(s: string, i: number): [string, string | undefined, number] | null {
  let j = skipSpaceNl(s, i + 1);
  let href = '';
  if (s[j] !== ')') {
    const d = scanDestination(s, j);
    if (!d) return null;
    href = d[0];
    j = d[1];
  }
  const k = skipSpaceNl(s, j);
  let title: string | undefined;
  if (k > j && s[k] !== ')') {
    const t = scanTitle(s, k);
    if (!t) return null;
    title = t[0];
    j = skipSpaceNl(s, t[1]);
  } else j = k;
  return s[j] === ')' ? [href, title, j + 1] : null;
}

/**
 * Reads link reference definitions at the start of a paragraph's text into `refs`; returns how many characters
 * they took (the paragraph is what follows; 0 when the text does not start with a definition).
 */
export function parseRefDefs(s: string, refs: RefMap): number {
  let pos = 0;
  for (;;) {
    const start = pos;
    const e = scanLabel(s, start);
    if (e < 0 || s[e] !== ':') return pos;
    const label = normalizeLabel(s.slice(start + 1, e - 1));
    if (!label) return pos;
    const d = scanDestination(s, skipSpaceNl(s, e + 1));
    if (!d) return pos;
    let j = d[1];
    let title: string | undefined;
    const k = skipSpaceNl(s, j);
    const t = k > j ? scanTitle(s, k) : null;
    const lineEnd = (x: number) => {
      while (s[x] === ' ' || s[x] === '\t') x++;
      return x === s.length || s[x] === '\n' ? x : -1;
    };
    let end = t ? lineEnd(t[1]) : -1;
    if (end >= 0) title = t![0];
    else end = lineEnd(j);
    if (end < 0) return pos;
    if (!refs.has(label)) refs.set(label, { href: d[0], title });
    pos = end + 1;
    if (pos >= s.length) return s.length;
  }
}

/** True when `c` is whitespace as CommonMark's Unicode whitespace rules use it. */
export const isWhite = (c: string | undefined) => c === undefined || isSpace(c) || /\s/.test(c);
