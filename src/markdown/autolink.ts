/**
 * GFM "autolink literals": bare `https://…`, `www.…` and e-mail addresses in text become links, with
 * cmark-gfm's rules for what may precede them, which domains count, and which trailing punctuation stays text.
 */
import type { Inline } from './types.ts';

type Text = Extract<Inline, { type: 'text' }>;

// A candidate: a URL with a scheme, a www. domain, or an e-mail address; validated and trimmed below.
const CANDIDATE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gu;
const DOMAIN = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/u;
const TRAIL = /[?!.,:*_~'";]$/;

/** Turns autolink literals in text outside links into links (nesting is bounded by the inline parser). */
export function linkify(list: Inline[]): Inline[] {
  let changed = false;
  const out: Inline[] = [];
  for (const n of list) {
    if (n.type === 'text' && !n.n) {
      const parts = linkText(n);
      if (parts.length !== 1 || parts[0] !== n) changed = true;
      out.push(...parts);
    } else if ((n.type === 'em' || n.type === 'strong' || n.type === 'del') && n.children.length) {
      const children = linkify(n.children);
      if (children !== n.children) changed = true;
      out.push(children === n.children ? n : { ...n, children });
    } else out.push(n);
  }
  return changed ? out : list;
}

/** The end of a URL once GFM's trailing-punctuation and parenthesis rules are applied. */
function trimUrl(u: string): string {
  for (;;) {
    if (/&[a-z\d]+;$/i.test(u)) u = u.replace(/&[a-z\d]+;$/i, '');
    else if (TRAIL.test(u)) u = u.slice(0, -1);
    else if (u.endsWith(')') && u.split('(').length < u.split(')').length) u = u.slice(0, -1);
    else return u;
  }
}

/**
 * The URL literal (`https://…`, `www.…`) starting at `i` of `s`, as [text, href], or null. Called by the inline
 * parser before emphasis, so `https://x/a*b*c` stays one link as in GFM.
 */
export function matchUrlLiteral(s: string, i: number, inBrackets: boolean): [string, string] | null {
  URL_AT.lastIndex = i;
  const m = URL_AT.exec(s);
  if (!m) return null;
  // Inside `[…]` the URL ends before `]`, so the link syntax around it is still seen.
  if (inBrackets) m[0] = m[0].split(']')[0]!;
  const prev = s[i - 1];
  const www = /^www\./i.test(m[0]);
  // www. needs a space or `*_~(` before it; a scheme only a non-letter.
  if (prev && (www ? !/[\s*_~(]/.test(prev) : /\p{L}/u.test(prev))) return null;
  const pre = www ? 4 : m[0].indexOf('//') + 2;
  const u = trimUrl(m[0]);
  const d = DOMAIN.exec(u.slice(www ? 0 : pre));
  if (!d) return null;
  const segs = d[0].split('.');
  if ((www && segs.length < 2) || segs.slice(-2).some((x) => x.includes('_'))) return null;
  return u.length > pre ? [u, www ? 'http://' + u : u] : null;
}
const URL_AT = /(?:https?:\/\/|www\.)[^\s<]*/iy;

function linkText(n: Text): Inline[] {
  if (!n.v.includes('@')) return [n];
  const out: Inline[] = [];
  let p = 0;
  for (const m of n.v.matchAll(CANDIDATE)) {
    const s = m.index;
    if (s < p) continue;
    const prev = n.v[s - 1];
    let u = m[0];
    // E-mail: not part of a longer local part, no trailing `-`/`_`, a trailing `.` stays text.
    if (prev && /[\w.+-]/.test(prev)) continue;
    u = u.replace(/\.+$/, '');
    if (/[-_]$/.test(u) || !/@[\w-]+(?:\.[\w-]+)+$/.test(u)) continue;
    const href = 'mailto:' + u;
    if (s > p) out.push({ type: 'text', v: n.v.slice(p, s), at: n.at + p });
    out.push({ type: 'link', href, children: [{ type: 'text', v: u, at: n.at + s }], at: n.at + s });
    p = s + u.length;
  }
  if (!p) return [n];
  if (p < n.v.length) out.push({ type: 'text', v: n.v.slice(p), at: n.at + p });
  return out;
}
