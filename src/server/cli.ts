/**
 * `npm start` entry (bundled to lib/cli.js by build.mjs): starts the two-origin demo and prints where it is.
 *
 *   node lib/cli.js [--host-port 4400] [--widget-port 4401] [--bind 127.0.0.1] [--data-dir ./data]
 *                   [--embed-origin https://your.site]... [--host-name NAME] [--widget-name NAME]
 *                   [--pages extra/dir] [--json]
 * Ports of 0 pick free ones. `--json` prints one machine-readable line (used by the end-to-end tests).
 * `--embed-origin` (repeatable; or EMBED_ORIGINS, comma-separated) names other sites allowed to embed the widget
 * and call the backend: used for both `frame-ancestors` and CORS. `--host-name` / `--widget-name` are the host
 * names the two origins are reached by (default: `localhost` for the page and the bind address 127.0.0.1 for the
 * widget: two sites, so the widget is third-party to the page, as deployed).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoBackend } from './demo-backend.ts';
import { startDemo } from './demo-server.ts';
import { createNodeHandler } from './node-handler.ts';

/** Parsed command line. */
export interface CliArgs {
  hostPort: number;
  widgetPort: number;
  bind: string;
  dataDir: string;
  pages: string[];
  json: boolean;
  /** Other sites allowed to embed the widget and call the backend (origins, or `*` for any). */
  embedOrigins: string[];
  hostName?: string;
  widgetName?: string;
}

/** An origin as browsers send it (`https://example.org`, `http://localhost:8080`), or `*`; throws otherwise. */
export function parseOrigin(value: string, flag: string): string {
  const v = value.trim().replace(/\/$/, '');
  if (v === '*') return v;
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== v) {
    throw new Error(`${flag} must be an origin such as https://example.org or http://localhost:8080 (scheme, host and port only), received "${value}"`);
  }
  return v;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

/** Parses argv (after the script path); throws with a usage message on bad input. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliArgs {
  const out: CliArgs = {
    hostPort: Number(env.HOST_PORT ?? 4400),
    widgetPort: Number(env.WIDGET_PORT ?? 4401),
    bind: env.BIND ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? './data',
    pages: [],
    json: false,
    embedOrigins: (env.EMBED_ORIGINS ?? '')
      .split(',')
      .filter((o) => o.trim())
      .map((o) => parseOrigin(o, 'EMBED_ORIGINS')),
  };
  const name = (flag: string, v: string): string => {
    if (!HOST_NAME.test(v)) throw new Error(`${flag} must be a host name such as chat.localhost, received "${v}"`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const port = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag} must be a port number (0-65535)`);
      return n;
    };
    if (flag === '--host-port') out.hostPort = port();
    else if (flag === '--widget-port') out.widgetPort = port();
    else if (flag === '--bind') out.bind = value();
    else if (flag === '--data-dir') out.dataDir = value();
    else if (flag === '--pages') out.pages.push(resolve(value()));
    else if (flag === '--json') out.json = true;
    else if (flag === '--embed-origin') out.embedOrigins.push(parseOrigin(value(), flag));
    else if (flag === '--host-name') out.hostName = name(flag, value());
    else if (flag === '--widget-name') out.widgetName = name(flag, value());
    else throw new Error(`unknown argument ${flag}`);
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const backend = createDemoBackend({ dataDir: resolve(args.dataDir) });
  const demo = await startDemo({
    bind: args.bind,
    hostPort: args.hostPort,
    widgetPort: args.widgetPort,
    distDir: join(root, 'dist'),
    // Two sites out of the box, as deployed: the page on localhost, the widget on 127.0.0.1 (another site to the
    // browser, so the frame is third-party and its own storage is denied, as on a real CDN).
    hostName: args.hostName ?? (args.bind === '127.0.0.1' ? 'localhost' : undefined),
    widgetName: args.widgetName,
    embedOrigins: args.embedOrigins,
    pageDirs: [join(root, 'examples'), ...args.pages],
    // The frame runs on the widget origin and calls the backend cross-origin; a page on an embedding site calls it
    // itself when it gives the widget an api.fetch.
    // Upload and file URLs hang off the demo's public URL, never off a request's Host header.
    hostRoutes: (origins) => [createNodeHandler(backend.server, { cors: { origins: [origins.widget, ...args.embedOrigins] }, publicUrl: `${origins.host}/chatkit` })],
  });
  if (args.json) {
    console.log(JSON.stringify({ hostUrl: demo.hostUrl, widgetUrl: demo.widgetUrl, agent: backend.agentName }));
  } else {
    console.log(`\n  chatkit-embed demo\n`);
    console.log(`  Open:           ${demo.hostUrl}`);
    console.log(`  Strict CSP:     ${demo.hostUrl}strict-csp.html`);
    console.log(`  Widget origin:  ${demo.widgetUrl}`);
    console.log(`  Backend:        ${demo.hostUrl}chatkit (data in ${resolve(args.dataDir)})`);
    console.log(`  Agent:          ${backend.agentName}`);
    console.log(`  Embedding:      ${[demo.hostUrl.replace(/\/$/, ''), ...args.embedOrigins].join(', ')} (add sites with --embed-origin)\n`);
  }
  const stop = (): void => {
    void demo
      .close()
      .then(() => backend.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(`chatkit-embed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
