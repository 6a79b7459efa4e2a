/** Ordering and paging shared by the stores: records sort by creation time, ties by insertion order. */
import { parseTimestamp, type Page } from '../protocol/index.ts';
import { NotFoundError } from './errors.ts';
import type { PageQuery } from './store.ts';

/** Where a record sorts: its creation time (ms) and a per-store insertion counter. */
export interface SortKey {
  ms: number;
  seq: number;
}

/** The sort time of a record; an unparseable timestamp sorts as "now" rather than failing the write. */
export function sortTime(createdAt: string, now = Date.now()): number {
  const ms = parseTimestamp(createdAt);
  return Number.isFinite(ms) ? ms : now;
}

/** Compares two sort keys ascending. */
export function compareKeys(a: SortKey, b: SortKey): number {
  return a.ms - b.ms || a.seq - b.seq;
}

/**
 * One page of `records` (already in ascending order). `after` is set only when there is more, as in the
 * Python SDK's stores; `what` names the record kind in the not-found message of an unknown cursor.
 */
export function paginate<T>(records: readonly T[], query: PageQuery, idOf: (r: T) => string, what: string): Page<T> {
  const ordered = query.order === 'desc' ? [...records].reverse() : records;
  let start = 0;
  if (query.after !== undefined) {
    const index = ordered.findIndex((r) => idOf(r) === query.after);
    if (index === -1) throw new NotFoundError(`${what} ${query.after} not found`);
    start = index + 1;
  }
  const data = ordered.slice(start, start + query.limit);
  const hasMore = start + query.limit < ordered.length;
  const last = data[data.length - 1];
  return hasMore && last !== undefined ? { data, has_more: true, after: idOf(last) } : { data, has_more: false };
}
