/** The static widget server's frame headers: who may embed frame.html. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { serveStatic, type StaticOptions } from '../../../src/server/static-files.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

async function serve(options: Omit<StaticOptions, 'root'> = {}): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'chatkit-static-'));
  writeFileSync(join(root, 'frame.html'), '<!doctype html><title>frame</title>');
  const server: Server = createServer((req, res) => void serveStatic(req, res, { root, ...options }));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanups.push(() => (server.closeAllConnections(), server.close(), rmSync(root, { recursive: true, force: true })));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('serveStatic frame-ancestors', () => {
  test("defaults to 'self', so a server nobody configured does not let every site embed the widget", async () => {
    const res = await fetch(`${await serve()}/frame.html`);
    expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
  });

  test('names the configured embedding sites, and none when the list is empty', async () => {
    const named = await fetch(`${await serve({ frameAncestors: ['https://a.example', 'https://b.example'] })}/frame.html`);
    expect(named.headers.get('content-security-policy')).toBe('frame-ancestors https://a.example https://b.example');
    const none = await fetch(`${await serve({ frameAncestors: [] })}/frame.html`);
    expect(none.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });
});
