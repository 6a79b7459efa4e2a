/** The shape of a Lucide icon name, kept apart so the first-open bundle need not carry the name lists. */

// Lucide's own naming rule; it also keeps `..`, `/`, `%` and `?` out of the fetched URL.
const LUCIDE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** True for a well-formed Lucide name (the part after `lucide:`), at most 64 characters. */
export function isLucideName(name: string): boolean {
  return name.length <= 64 && LUCIDE_NAME.test(name);
}
