/**
 * The README's quick start, run as written on a copy of the committed tree (what a fresh clone has: files git
 * does not track are left out, so a script that was never committed fails here as it would for a new user).
 * `npm install && npm start` is run literally by a shell, the printed URL is opened in Chromium, a message is sent
 * and a streamed reply seen. Every other command the quick start names must be a script whose files are tracked.
 * Runs in its own Playwright project (once, not per storage mode): it installs dependencies from scratch.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** The commands of the README's quick-start block (the text before each `#`). */
function quickStartCommands(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Quick start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no "## Quick start" sh block');
  return block.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
}

/** A copy of the files git tracks (as they are in the work tree), like a fresh clone. */
function copyTrackedTree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chatkit-quickstart-'));
  const files = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(root, f))) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(root, f), join(dir, f));
  }
  return dir;
}

test.describe.configure({ timeout: 480_000 });

test('the README quick start works as written on a fresh copy: npm install && npm start, then a streamed reply', async ({ page }) => {
  const commands = quickStartCommands();
  expect(commands).toEqual(['npm install && npm start', 'npm test']);
  const dir = copyTrackedTree();
  let child: ChildProcess | undefined;
  try {
    // Every npm script the quick start names exists and runs files the copy has.
    const scripts = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const command of commands) {
      for (const [, name] of command.matchAll(/npm (?:run )?(start|test|[\w:-]+)/g)) {
        if (name === 'install') continue;
        expect(scripts[name!], `package.json has a "${name}" script`).toBeTruthy();
        for (const [, file] of scripts[name!]!.matchAll(/(?:node|bash|sh)\s+([\w./-]+\.(?:m?js|sh))/g)) {
          expect(existsSync(join(dir, file!)), `npm ${name} runs ${file}, which the fresh copy must have`).toBe(true);
        }
      }
    }
    // Free ports (a developer's own `npm start` may hold 4400); the command itself is the README's.
    child = spawn('sh', ['-c', commands[0]!], {
      cwd: dir,
      detached: true,
      env: { ...process.env, HOST_PORT: '0', WIDGET_PORT: '0', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((ok, no) => {
      const onData = (d: Buffer): void => {
        output += d.toString();
        const m = /Open:\s+(http:\/\/\S+)/.exec(output);
        if (m) ok(m[1]!);
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => no(new Error(`"${commands[0]}" exited (${code}) before printing a URL:\n${output.slice(-3000)}`)));
    });
    await page.goto(url);
    const frame = page.frameLocator('iframe[src*="/frame.html#"]');
    await frame.getByRole('button', { name: 'Open chat' }).click();
    const input = frame.getByRole('textbox', { name: 'Message the AI' });
    await input.fill('hello from the quick start');
    await input.press('Enter');
    await expect(frame.locator('.ck-assistant').last()).toContainText('You said: “hello from the quick start”', { timeout: 15_000 });
    // The widget is served from another site than the page, as deployed.
    const src = await page.locator('iframe').getAttribute('src');
    expect(new URL(src!).hostname).not.toBe(new URL(url).hostname);
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
});
