/**
 * The streaming answer's open paragraph, parsed in chunks so each delta costs the same however long the
 * paragraph has grown. A chunk ends after a space before a non-space, and is kept only if its parse left
 * nothing undecided (InlineProbe): then no later text can change it, and the chunks followed by the parse of
 * the rest give the same nodes (text split differently, the same DOM text) as parsing the paragraph whole.
 * When something stays undecided (an unmatched `*` opener, say), chunks stop there and the rest is parsed
 * each time, as before.
 */
import { parseInline, type InlineProbe } from './inline-parser.ts';
import type { RefMap } from './link-syntax.ts';
import type { Inline, InlineSource } from './types.ts';

/** Characters per chunk, about. */
export const CHUNK = 1024;

/** A frozen piece of the open paragraph: its nodes and the index in the paragraph's source where it starts. */
export interface Chunk {
  readonly v: Inline[];
  readonly from: number;
  /** Source offset of its first character. */
  readonly at: number;
}

/** Per Markdown instance: what is frozen of the paragraph that is still streaming. */
export interface OpenParagraph {
  at: number;
  size: number;
  literals: boolean;
  prefix: string;
  chunks: Chunk[];
  /** Do not try to freeze again before the source is this long (an attempt failed). */
  retryAt: number;
}

/** An empty cache. */
export const createOpenParagraph = (): OpenParagraph => ({ at: -1, size: 0, literals: true, prefix: '', chunks: [], retryAt: 0 });

/** The part of `o` from index `from` to `to` as a source of its own, offsets kept. */
export function sliceSource(o: InlineSource, from: number, to: number): InlineSource {
  let at = o.at + from;
  const lines: number[] = [];
  const l = o.lines ?? [];
  for (let i = 0; i < l.length; i += 2) {
    if (l[i]! <= from) at = l[i + 1]! + (from - l[i]!);
    else if (l[i]! < to) lines.push(l[i]! - from, l[i + 1]!);
  }
  const src = o.src.slice(from, to);
  return lines.length ? { src, at, lines } : { src, at };
}

// The last index in [lo, hi] just after a space and before a non-space, or -1.
function boundary(s: string, lo: number, hi: number): number {
  for (let i = hi; i > lo; i--) if (s[i - 1] === ' ' && s[i] !== ' ' && s[i] !== '\t' && s[i] !== '\n') return i;
  return -1;
}

/** The frozen chunks of `o` and the nodes of the rest; the chunks array keeps its identity while unchanged. */
export function parseOpenParagraph(
  c: OpenParagraph,
  o: InlineSource,
  refs: RefMap,
  literals: boolean,
): { chunks: Chunk[]; rest: Inline[]; restAt: number } {
  const s = o.src;
  if (c.at !== o.at || c.size !== refs.size || c.literals !== literals || s.slice(0, c.prefix.length) !== c.prefix) {
    Object.assign(c, createOpenParagraph(), { at: o.at, size: refs.size, literals });
  }
  let from = c.prefix.length;
  while (s.length - from > 2 * CHUNK && s.length >= c.retryAt) {
    const end = boundary(s, from + CHUNK, s.length - CHUNK);
    if (end < 0) break;
    const probe: InlineProbe = { clean: true };
    const part = sliceSource(o, from, end);
    const v = parseInline(part, refs, literals, probe);
    if (!probe.clean) {
      c.retryAt = s.length + CHUNK;
      break;
    }
    c.chunks = [...c.chunks, { v, from, at: part.at }];
    c.prefix = s.slice(0, end);
    from = end;
  }
  const rest = from ? sliceSource(o, from, s.length) : o;
  return { chunks: c.chunks, rest: parseInline(rest, refs, literals), restAt: rest.at };
}
