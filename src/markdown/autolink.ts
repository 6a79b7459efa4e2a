/** GFM "extended autolinks": bare `https://…` and `www.…` URLs in text become links. */
import type { Inline } from './types.ts';

type Text = Extract<Inline, { type: 'text' }>;

const BARE_URL = /(?:https?:\/\/|www\.)[\w-]+(?:\.[\w-]+)+[^\s<]*/g;

/** Merges adjacent plain text and turns bare `https://…` / `www.…` URLs outside links into links (GFM). */
export function linkify(list: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const n of list) {
    const last = merged[merged.length - 1];
    if (n.type === 'text' && !n.n && last?.type === 'text' && !last.n && last.at + last.v.length === n.at) {
      merged[merged.length - 1] = { type: 'text', v: last.v + n.v, at: last.at };
    } else merged.push('children' in n && n.type !== 'link' ? { ...n, children: linkify(n.children) } : n);
  }
  return merged.flatMap((n) => (n.type === 'text' && !n.n ? linkBareUrls(n) : [n]));
}

function linkBareUrls(n: Text): Inline[] {
  const out: Inline[] = [];
  let p = 0;
  for (const m of n.v.matchAll(BARE_URL)) {
    const s = m.index;
    if (s && !/[\s*_~(]/.test(n.v[s - 1]!)) continue;
    let u = m[0];
    for (;;) {
      if (/[?!.,:*_~'";]$/.test(u)) u = u.slice(0, -1);
      else if (u.endsWith(')') && u.split('(').length < u.split(')').length) u = u.slice(0, -1);
      else break;
    }
    if (s > p) out.push({ type: 'text', v: n.v.slice(p, s), at: n.at + p });
    const href = u[0] === 'w' ? 'http://' + u : u;
    out.push({ type: 'link', href, children: [{ type: 'text', v: u, at: n.at + s }], at: n.at + s });
    p = s + u.length;
  }
  if (!p) return [n];
  if (p < n.v.length) out.push({ type: 'text', v: n.v.slice(p), at: n.at + p });
  return out;
}

