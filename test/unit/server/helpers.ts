/** Shared helpers for the server tests: running requests, reading results, and one store of each kind. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { ProcessResult } from '../../../src/server/server-types.ts';
import { encodeSseEvent, toJson } from '../../../src/server/serialize.ts';
import { createMemoryStore } from '../../../src/server/memory-store.ts';
import { createSqliteStore } from '../../../src/server/sqlite-store.ts';
import type { Store } from '../../../src/server/store.ts';

/** Plain JSON as it goes over the wire. */
export type Json = any;

/** The SSE body a stream result serialises to. */
export async function sseText(result: ProcessResult): Promise<string> {
  if (result.kind !== 'stream') throw new Error(`expected a stream, got JSON ${toJson(result.body)}`);
  let text = '';
  for await (const event of result.events) text += encodeSseEvent(event);
  return text;
}

/** The events of a stream result, as a client parses them off the wire. */
export async function streamEvents(result: ProcessResult): Promise<Json[]> {
  const text = await sseText(result);
  return text
    .split('\n\n')
    .filter((chunk) => chunk !== '')
    .map((chunk) => JSON.parse(chunk.slice('data: '.length)) as Json);
}

/** The status and body of a JSON result, as a client parses it off the wire. */
export function jsonOf(result: ProcessResult): { status: number; body: Json } {
  if (result.kind !== 'json') throw new Error('expected JSON, got a stream');
  return { status: result.status, body: JSON.parse(toJson(result.body)) as Json };
}

/** A minimal user input. */
export function userInput(text: string, attachments: string[] = []): Json {
  return { content: [{ type: 'input_text', text }], attachments, inference_options: {} };
}

const dirs: string[] = [];
// Registered while the importing test file is collected, so it runs after that file's tests.
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed after the current test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-server-'));
  dirs.push(dir);
  return dir;
}

/** Both store implementations, for `describe.each`. */
export const STORE_KINDS: [string, () => Store][] = [
  ['memory store', () => createMemoryStore()],
  ['SQLite store', () => createSqliteStore(join(tempDir(), 'chatkit.sqlite'))],
];
