/**
 * Name → artwork, in the order that keeps the first open small and fast: core icons are in the main bundle;
 * ChatKit, widget and header names come from one lazily imported chunk; `lucide:<name>` is fetched per icon
 * by a loader that is itself a lazy chunk. Names that cannot be either (`vendor:*`, anything not kebab-case)
 * get the fallback at once, with no request. The name lists stay out of this path on purpose: the named
 * chunk's own keys are the authority, so the first-open bundle does not carry them.
 */
import { CORE_ICONS } from './core-icons.ts';
import type { IconNode } from './icon-node.ts';
import { isLucideName } from './lucide-name.ts';

let named: Readonly<Record<string, IconNode>> | undefined;
let namedLoading: Promise<void> | undefined;
let lucide: typeof import('./lucide-loader.ts') | undefined;
let lucideLoading: Promise<void> | undefined;

// Own keys only: `constructor` must not reach Object.prototype.
function own(table: Readonly<Record<string, IconNode>>, name: string): IconNode | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Artwork for a name if it is available now: a node, null (render the fallback), or undefined (still loading). */
export function lookupIcon(name: string): IconNode | null | undefined {
  const core = own(CORE_ICONS, name);
  if (core) return core;
  if (name.startsWith('lucide:')) {
    const lucideName = name.slice(7);
    if (!isLucideName(lucideName)) return null;
    return own(CORE_ICONS, lucideName) ?? lucide?.peekLucideIcon(lucideName);
  }
  // Every ChatKit, widget and header name is kebab-case too.
  if (!isLucideName(name)) return null;
  return named ? (own(named, name) ?? null) : undefined;
}

/** Loads whatever `lookupIcon(name)` is waiting for; never rejects. A chunk that failed to load is retried next time. */
export function loadIcon(name: string): Promise<void> {
  if (name.startsWith('lucide:')) {
    lucideLoading ??= import('./lucide-loader.ts').then(
      (module) => {
        lucide = module;
      },
      () => {
        lucideLoading = undefined;
      },
    );
    return lucideLoading.then(() => lucide?.loadLucideIcon(name.slice(7)));
  }
  namedLoading ??= import('./named-icons.ts').then(
    (module) => {
      named = module.NAMED_ICONS;
    },
    () => {
      namedLoading = undefined;
    },
  );
  return namedLoading;
}
