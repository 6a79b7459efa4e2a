/** Loads the captured chatkit-python exchanges for replay tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

/** One request and its captured response. */
export interface FixtureExchange {
  request: Record<string, unknown> & { type: string };
  response: { kind: 'sse'; raw: string } | { kind: 'json'; body: unknown };
}

/** One fixture file. */
export interface Fixture {
  file: string;
  title: string;
  exchanges: FixtureExchange[];
}

// The captures live in ../shared beside the repository (CI clones it there); CHATKIT_FIXTURES overrides.
const FIXTURE_DIR = [
  process.env.CHATKIT_FIXTURES,
  fileURLToPath(new URL('../../../../shared/fixtures/chatkit-python', import.meta.url)),
].find((dir): dir is string => typeof dir === 'string' && existsSync(dir));

if (!FIXTURE_DIR) throw new Error('chatkit-python fixtures not found (set CHATKIT_FIXTURES)');
const dir = FIXTURE_DIR;

/** Every fixture, sorted by file name. */
export function loadFixtures(): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<Fixture, 'file'>) }));
}

/** The fixture whose file name starts with `prefix` followed by a dash, e.g. `s1` or `s7a`. */
export function loadFixture(prefix: string): Fixture {
  const found = loadFixtures().find((f) => f.file.startsWith(`${prefix}-`));
  if (!found) throw new Error(`no fixture ${prefix}`);
  return found;
}

/** The raw SSE body of a fixture's only exchange. */
export function sseRaw(fixture: Fixture): string {
  const response = fixture.exchanges[0]?.response;
  if (response?.kind !== 'sse') throw new Error(`${fixture.file} is not a streaming fixture`);
  return response.raw;
}

/** The event payloads of a fixture's SSE body, read naively (the SDK writes exactly `data: <json>\n\n`). */
export function sseLines(raw: string): string[] {
  return raw
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
}

/** The parsed event objects of a streaming fixture. */
export function sseEventsOf(prefix: string): unknown[] {
  return sseLines(sseRaw(loadFixture(prefix))).map((line) => JSON.parse(line) as unknown);
}
