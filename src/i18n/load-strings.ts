/**
 * Built-in string tables. English is bundled; every other table is its own chunk, fetched only when needed,
 * through ./locale-chunks.ts (lazily loaded too: it holds the tag-to-table matching and the chunk map).
 */
import { en, type Strings } from './en.ts';

const loaded = new Map<string, Strings>();

const key = (tag: string): string => tag.toLowerCase().replace(/_/g, '-');

const isEnglish = (tag: string): boolean => /^en(-|$)/.test(key(tag));

/** The table for a tag if it is in memory: always for English, for others once `loadStrings(tag)` settled. */
export function peekStrings(tag: string): Strings | undefined {
  return isEnglish(tag) ? en : loaded.get(key(tag));
}

/**
 * The table for a tag (matched as ChatKit does: see `matchTable`), loading its chunk on first use. Never
 * rejects: if the chunk cannot be fetched the answer is English, and the failure is not remembered, so the
 * next call tries again.
 */
export async function loadStrings(tag: string): Promise<Strings> {
  const known = peekStrings(tag);
  if (known) return known;
  try {
    const { loadTable, matchTable } = await import('./locale-chunks.ts');
    const id = matchTable(tag);
    const strings = id === 'en' ? en : await loadTable(id);
    loaded.set(key(tag), strings);
    return strings;
  } catch {
    return en;
  }
}
