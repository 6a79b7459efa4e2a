/**
 * Starts and stops the real demo server (`node lib/cli.js`) for end-to-end tests: free ports, a fresh data
 * folder, and test-only pages served on the host origin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A running demo. */
export interface Demo {
  hostUrl: string;
  widgetUrl: string;
  dataDir: string;
  /** Stops the server (the data folder stays until `cleanup`). */
  stop(): Promise<void>;
  /** Stops and deletes the data folder. */
  cleanup(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../../..');

/** Starts a demo server; `dataDir` reuses a folder (to test restarts), `env` adds environment variables. */
export async function startDemo(options: { dataDir?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<Demo> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'chatkit-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // Two sites, as deployed: the page on site.test, the widget on widget.test (Chromium maps *.test to loopback).
    [join(root, 'lib/cli.js'), '--host-port', '0', '--widget-port', '0', '--host-name', 'site.test', '--widget-name', 'widget.test', '--json', '--data-dir', dataDir, '--pages', join(root, 'test/e2e/pages'), ...(options.args ?? [])],
    { cwd: root, env: { ...process.env, DEMO_WORD_DELAY_MS: '2', ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const urls = await new Promise<{ hostUrl: string; widgetUrl: string }>((ok, no) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const parsed = JSON.parse(line) as { hostUrl?: string; widgetUrl?: string };
        if (parsed.hostUrl && parsed.widgetUrl) ok(parsed as { hostUrl: string; widgetUrl: string });
      } catch {
        // not the JSON line
      }
    });
    child.once('exit', (code) => no(new Error(`demo server exited (${code}): ${stderr}`)));
    setTimeout(() => no(new Error(`demo server did not start: ${stderr}`)), 15_000);
  });
  const stop = (): Promise<void> =>
    new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    });
  return {
    ...urls,
    dataDir,
    stop,
    async cleanup() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
