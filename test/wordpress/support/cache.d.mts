/** Types for ./cache.mjs. */
export const root: string;
export const cacheDir: string;
export function releases(): Record<string, string>;
export function newestRelease(): string;
export function prepare(branches?: string[]): { wordpress: Record<string, string>; sqlite: string };
