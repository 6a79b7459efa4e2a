/**
 * A real WordPress for the plugin tests: a release from the cache (./cache.mjs) unpacked into a temporary folder,
 * on SQLite (the official SQLite Database Integration drop-in), served by `php -S` with four workers in its own
 * process group (stopped as a group), installed by posting the installer form as a person would.
 * The site makes no outgoing requests (WP_HTTP_BLOCK_EXTERNAL) and runs no cron on page loads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { extractZip } from '../../../scripts/zip.mjs';
import { newestRelease, prepare, releases } from './cache.mjs';

/** A running WordPress. */
export interface Site {
  url: string;
  origin: string;
  dir: string;
  /** The exact release, e.g. "6.2.6". */
  version: string;
  admin: { user: string; password: string };
  /** The end of php -S's log (for failure messages). */
  log(): string;
  /** Runs a read-only SQL query on the site's database. */
  query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): T[];
  /** Stops php -S (its whole process group) and deletes the folder. */
  cleanup(): Promise<void>;
}

/** A free loopback port (php -S needs one before it starts). */
function freePort(): Promise<number> {
  return new Promise((ok, no) => {
    const s = createServer();
    s.once('error', no);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

const ROUTER = `<?php
// php -S router: existing files are served as they are (PHP files run), everything else goes to WordPress.
$path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( $path !== '/' && file_exists( __DIR__ . $path ) ) {
	return false;
}
// The Playground build leaves out core's CSS, JS and images (Playground fetches them remotely): answer a quick 404
// instead of booting WordPress for each, which would make every admin page wait for dozens of 404 pages.
if ( preg_match( '/\.(css|js|map|png|gif|jpe?g|svg|webp|ico|woff2?|ttf|eot)$/', $path ) ) {
	http_response_code( 404 );
	return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
`;

function wpConfig(dir: string): string {
  const salt = (): string => randomBytes(32).toString('hex');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'];
  return `<?php
define( 'DB_DIR', ${JSON.stringify(join(dir, 'wp-content/database/'))} );
define( 'DB_FILE', '.ht.sqlite' );
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', '' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '' );
define( 'DB_CHARSET', 'utf8' );
define( 'DB_COLLATE', '' );
${keys.map((k) => `define( '${k}', '${salt()}' );`).join('\n')}
$table_prefix = 'wp_';
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', ${JSON.stringify(join(dir, 'debug.log'))} );
define( 'FS_METHOD', 'direct' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Unpacks, starts and installs WordPress `branch` ("6.2", "6.5"…, or "newest"); `muPlugins` go into mu-plugins. */
export async function startSite(branch: string, muPlugins: string[] = []): Promise<Site> {
  const { wordpress, sqlite } = prepare([branch]);
  if (branch === 'newest') branch = newestRelease();
  const dir = mkdtempSync(join(tmpdir(), `wp-${branch}-`));
  extractZip(wordpress[branch]!, dir);
  // The Playground build ships an installed database and its own config: start from the installer instead.
  rmSync(join(dir, 'wp-content/database/.ht.sqlite'), { force: true });
  rmSync(join(dir, 'wp-config.php'), { force: true });
  const sqliteDir = join(dir, 'wp-content/plugins/sqlite-database-integration');
  extractZip(sqlite, sqliteDir, 'plugin-sqlite-database-integration/');
  writeFileSync(
    join(dir, 'wp-content/db.php'),
    readFileSync(join(sqliteDir, 'db.copy'), 'utf8')
      .replaceAll('{SQLITE_IMPLEMENTATION_FOLDER_PATH}', sqliteDir)
      .replaceAll('{SQLITE_PLUGIN}', 'sqlite-database-integration/load.php'),
  );
  mkdirSync(join(dir, 'wp-content/mu-plugins'), { recursive: true });
  for (const file of muPlugins) copyFileSync(file, join(dir, 'wp-content/mu-plugins', file.split('/').pop()!));
  writeFileSync(join(dir, 'wp-config.php'), wpConfig(dir));
  writeFileSync(join(dir, '.router.php'), ROUTER);

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const php: ChildProcess = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', dir, join(dir, '.router.php')], {
    cwd: dir,
    detached: true, // its own process group: the workers are stopped with it
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  php.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-20000)));
  const stop = (): Promise<void> =>
    new Promise((ok) => {
      if (php.exitCode !== null || php.signalCode) return ok();
      php.once('exit', () => ok());
      try {
        process.kill(-php.pid!, 'SIGTERM');
      } catch {
        ok();
      }
    });

  const admin = { user: 'admin', password: randomBytes(12).toString('base64url') };
  try {
    await waitForServer(origin, () => log);
    await install(origin, admin);
  } catch (e) {
    await stop();
    throw e;
  }
  let db: Database.Database | undefined;
  return {
    url: `${origin}/`,
    origin,
    dir,
    version: (releases() as Record<string, string>)[branch]!,
    admin,
    log: () => log,
    query(sql, ...params) {
      db ??= new Database(join(dir, 'wp-content/database/.ht.sqlite'), { readonly: true, fileMustExist: true });
      return db.prepare(sql).all(...params) as never;
    },
    async cleanup() {
      db?.close();
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForServer(origin: string, log: () => string): Promise<void> {
  const until = Date.now() + 15_000;
  for (;;) {
    try {
      await fetch(`${origin}/readme.html`, { redirect: 'manual' });
      return;
    } catch {
      if (Date.now() > until) throw new Error(`php -S did not start: ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Posts the installer's form (wp-admin/install.php, step 2) and checks WordPress says it succeeded. */
async function install(origin: string, admin: { user: string; password: string }): Promise<void> {
  const form = new URLSearchParams({
    weblog_title: 'Plugin test site',
    user_name: admin.user,
    admin_password: admin.password,
    admin_password2: admin.password,
    pw_weak: 'on',
    admin_email: 'admin@example.test',
    blog_public: '0',
    language: '',
    Submit: 'Install WordPress',
  });
  const res = await fetch(`${origin}/wp-admin/install.php?step=2`, { method: 'POST', body: form });
  const html = await res.text();
  if (!res.ok || !/<h1>Success!<\/h1>/.test(html)) {
    throw new Error(`WordPress install failed (${res.status}): ${html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 600)}`);
  }
}
