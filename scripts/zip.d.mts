/** Types for ./zip.mjs. */
export function writeZip(file: string, entries: [string, Buffer][]): number;
export function readZip(file: string): Map<string, Buffer>;
export function extractZip(file: string, dir: string, strip?: string): void;
