/** The demo server's own bounds: a flood of connections is refused past the cap instead of held. */
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { startDemo, type Demo } from '../../../src/server/demo-server.ts';

let demo: Demo | undefined;
const dir = mkdtempSync(join(tmpdir(), 'ck-demo-'));
afterEach(async () => {
  await demo?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a raw connection; resolves with whether the server closed it (within 500 ms) without a word. */
function idleConnection(port: number): Promise<{ closed: boolean; socket: ReturnType<typeof connect> }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => resolve({ closed: false, socket }), 500);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, socket });
    });
    socket.on('error', () => {});
  });
}

test('connections past maxConnections are closed at once; those within it stay open', async () => {
  demo = await startDemo({ distDir: dir, pageDirs: [dir], hostPort: 0, widgetPort: 0, maxConnections: 3 });
  const port = Number(new URL(demo.hostUrl).port);
  const open = await Promise.all([1, 2, 3].map(() => idleConnection(port)));
  const extra = await idleConnection(port);
  expect([...open.map((c) => c.closed), extra.closed]).toEqual([false, false, false, true]);
  for (const c of [...open, extra]) c.socket.destroy();
});
