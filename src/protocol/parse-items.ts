/** Parsers for items, threads and pages; elements of unknown type are dropped from pages, never fatal. */
import {
  HIDDEN_ITEM_SCHEMAS,
  ITEM_SCHEMAS,
  isHiddenItemType,
  type StoredThreadItem,
  type ThreadItem,
} from './items.ts';
import {
  describeMismatch,
  guard,
  ignore,
  isRecord,
  malformed,
  parseAt,
  succeed,
  type OnIgnored,
  type ParseResult,
  type Path,
} from './parse-result.ts';
import { rawPageSchema, rawThreadSchema, type Page, type Thread } from './thread.ts';
import { formatPath } from './format-issue.ts';

const STORED_ITEM_SCHEMAS = { ...ITEM_SCHEMAS, ...HIDDEN_ITEM_SCHEMAS };

/** Reads the item at `path` of `root`; hidden types are `ignored` unless `allowHidden`. */
export function readItem(
  value: unknown,
  root: unknown,
  path: Path,
  allowHidden: boolean,
): ParseResult<StoredThreadItem> {
  if (!isRecord(value)) return malformed(describeMismatch(path, 'object', value));
  const type = value.type;
  const typePath = formatPath([...path, 'type']);
  if (typeof type !== 'string') return malformed(describeMismatch([...path, 'type'], 'string', type));
  if (isHiddenItemType(type) && !allowHidden) {
    return ignore(`${typePath}: hidden item type ${JSON.stringify(type)} is never shown to clients`);
  }
  // hasOwn: a `type` of "constructor" or "__proto__" must not reach Object.prototype.
  if (!Object.hasOwn(STORED_ITEM_SCHEMAS, type)) {
    return ignore(`${typePath}: unknown item type ${JSON.stringify(type)}`);
  }
  return parseAt(STORED_ITEM_SCHEMAS[type as keyof typeof STORED_ITEM_SCHEMAS], value, root, path);
}

/** Reads a page at `path` of `root`, dropping (and reporting) every element `readElement` rejects. */
export function readPage<T>(
  value: unknown,
  root: unknown,
  path: Path,
  readElement: (element: unknown, path: Path) => ParseResult<T>,
  onIgnored?: OnIgnored,
): ParseResult<Page<T>> {
  const page = parseAt(rawPageSchema, value, root, path);
  if (!page.ok) return page;
  const data: T[] = [];
  page.value.data.forEach((element, i) => {
    const result = readElement(element, [...path, 'data', i]);
    if (result.ok) data.push(result.value);
    else onIgnored?.(result.error);
  });
  const out: Page<T> = { data, has_more: page.value.has_more };
  if (page.value.after !== undefined) out.after = page.value.after;
  return succeed(out);
}

/** Reads the thread at `path` of `root`, filtering its items page. */
export function readThread(value: unknown, root: unknown, path: Path, onIgnored?: OnIgnored): ParseResult<Thread> {
  const thread = parseAt(rawThreadSchema, value, root, path);
  if (!thread.ok) return thread;
  const items = readPage(thread.value.items, root, [...path, 'items'], readVisibleItem(root), onIgnored);
  if (!items.ok) return items;
  return succeed({ ...thread.value, items: items.value });
}

function readVisibleItem(root: unknown) {
  return (element: unknown, path: Path) => readItem(element, root, path, false) as ParseResult<ThreadItem>;
}

/** Parses one item as a client sees it: hidden and unknown types are `ignored`. */
export function parseItem(value: unknown): ParseResult<ThreadItem> {
  return guard(() => readItem(value, value, [], false) as ParseResult<ThreadItem>);
}

/** Parses one item as a server stores it (hidden types allowed). */
export function parseStoredItem(value: unknown): ParseResult<StoredThreadItem> {
  return guard(() => readItem(value, value, [], true));
}

/** Parses a `Thread` (`threads.get_by_id`, `threads.update`); bad items are dropped and reported. */
export function parseThread(value: unknown, onIgnored?: OnIgnored): ParseResult<Thread> {
  return guard(() => readThread(value, value, [], onIgnored));
}

/** Parses a `Page<Thread>` (`threads.list`); bad threads and items are dropped and reported. */
export function parseThreadPage(value: unknown, onIgnored?: OnIgnored): ParseResult<Page<Thread>> {
  return guard(() => readPage(value, value, [], (el, path) => readThread(el, value, path, onIgnored), onIgnored));
}

/** Parses a `Page<ThreadItem>` (`items.list`); hidden, unknown and malformed items are dropped and reported. */
export function parseItemPage(value: unknown, onIgnored?: OnIgnored): ParseResult<Page<ThreadItem>> {
  return guard(() => readPage(value, value, [], readVisibleItem(value), onIgnored));
}
