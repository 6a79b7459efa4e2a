/**
 * `lucide:<name>` artwork, fetched on demand from `icons/<name>.json` beside the frame document (written by
 * scripts/build-icons.mjs), validated by `parseIconNode`, and cached for the life of the frame.
 * The name is checked before it reaches the URL, so it cannot walk out of `icons/` or add a query.
 */
import { isLucideName } from './lucide-name.ts';
import { parseIconNode, type IconNode } from './icon-node.ts';

// Settled answers: artwork, or null for "no such icon / not valid artwork" (a 404 will not fix itself).
const settled = new Map<string, IconNode | null>();
const inFlight = new Map<string, Promise<void>>();
let baseUrl: string | undefined;

// Lucide's largest icon is about 1.3 KB of JSON; anything far beyond that is not an icon.
const MAX_BYTES = 16_384;
// Names come from backend data; the cap keeps a hostile stream from growing the cache without bound.
const MAX_CACHED = 2_048;

/** Where `icons/` lives; defaults to the frame document's URL. Set by boot code or tests; `undefined` resets. */
export function setIconBaseUrl(url: string | undefined): void {
  baseUrl = url;
}

/** The settled artwork for a Lucide name: a node, null (missing or invalid), or undefined (not loaded yet). */
export function peekLucideIcon(name: string): IconNode | null | undefined {
  return settled.get(name);
}

/**
 * Fetches and validates one Lucide icon; never rejects. Network failures are not cached, so a later
 * mount retries; answers from the server (404, invalid JSON, hostile artwork) are.
 */
export function loadLucideIcon(name: string): Promise<void> {
  if (settled.has(name)) return Promise.resolve();
  let pending = inFlight.get(name);
  if (!pending) {
    pending = fetchIcon(name)
      .then(
        (node) => {
          if (node !== undefined && settled.size < MAX_CACHED) settled.set(name, node);
        },
        () => undefined,
      )
      .finally(() => inFlight.delete(name));
    inFlight.set(name, pending);
  }
  return pending;
}

/** Forgets every cached answer (tests, or a frame that changed its base URL). */
export function clearLucideCache(): void {
  settled.clear();
  inFlight.clear();
}

async function fetchIcon(name: string): Promise<IconNode | null | undefined> {
  if (!isLucideName(name)) return null;
  const url = new URL(`icons/${name}.json`, baseUrl ?? document.baseURI);
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) return response.status >= 500 ? undefined : null;
  const text = await response.text();
  if (text.length > MAX_BYTES) return null;
  try {
    return parseIconNode(JSON.parse(text));
  } catch {
    return null;
  }
}
