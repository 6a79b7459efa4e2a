/**
 * The demo `npm start` runs: two origins on loopback, like a real deployment.
 *  - host origin  (default :4400): the example pages (a site that pasted the snippet) and the ChatKit backend
 *    at /chatkit, with CORS for the widget origin (the frame calls it cross-origin);
 *  - widget origin (default :4401): the static widget (dist/), frame.html sent with `frame-ancestors` naming
 *    the host origin only.
 * Example pages point at `http://127.0.0.1:4401`; when other ports are used the host server rewrites that
 * origin on the fly, and gives `strict-csp.html` a fresh nonce and its strict CSP header on every request.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveInside, serveStatic } from './static-files.ts';

/** A request handler that returns false when the request is not its business. */
export type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Demo options. */
export interface DemoOptions {
  bind?: string;
  /** Concurrent connections per server (default 1000); more are refused. */
  maxConnections?: number;
  hostPort?: number;
  widgetPort?: number;
  distDir: string;
  /** Host names the two origins are reached by (default: the bind address). */
  hostName?: string;
  widgetName?: string;
  /** Other sites allowed to embed the widget (`frame-ancestors`), besides the demo's own host origin. */
  embedOrigins?: readonly string[];
  /** Folders of host pages, searched in order (examples/, plus test pages in e2e runs). */
  pageDirs: string[];
  /** Extra routes on the host origin (the ChatKit backend, uploads…), tried before pages. */
  hostRoutes?: (origins: { host: string; widget: string }) => Route[];
  /** Extra routes on the widget origin, tried before static files. */
  widgetRoutes?: (origins: { host: string; widget: string }) => Route[];
}

/** A running demo. */
export interface Demo {
  hostUrl: string;
  widgetUrl: string;
  close(): Promise<void>;
}

/** The origin example pages are written against; rewritten when the widget runs elsewhere. */
export const EXAMPLE_WIDGET_ORIGIN = 'http://127.0.0.1:4401';

/** The CSP of examples/strict-csp.html: only a nonce'd script, our stylesheet, and the widget frame. */
export function strictCsp(nonce: string, widgetOrigin: string): string {
  return `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; img-src 'self'; frame-src ${widgetOrigin}`;
}

function listen(server: Server, port: number, bind: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, bind, () => resolve((server.address() as AddressInfo).port));
  });
}

function handle(routes: () => Route[], fallback: Route): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      for (const route of [...routes(), fallback]) if (await route(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    })().catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  };
}

/** Starts both servers. */
export async function startDemo(opts: DemoOptions): Promise<Demo> {
  const bind = opts.bind ?? '127.0.0.1';
  const origins = { host: '', widget: '' };
  let hostRoutes: Route[] = [];
  let widgetRoutes: Route[] = [];

  const servePage: Route = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    for (const dir of opts.pageDirs) {
      const file = resolveInside(dir, path);
      if (!file) continue;
      if (!file.endsWith('.html')) return serveStatic(req, res, { root: dir });
      const nonce = randomBytes(16).toString('base64');
      const html = readFileSync(file, 'utf8')
        .replaceAll(EXAMPLE_WIDGET_ORIGIN, origins.widget)
        .replaceAll('CSP_NONCE', nonce);
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (/strict-csp/.test(file)) headers['content-security-policy'] = strictCsp(nonce, origins.widget);
      // A cross-origin isolated host page (test pages named *coep*): the widget must still load under it.
      if (/coep/.test(file)) Object.assign(headers, { 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-opener-policy': 'same-origin' });
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : html);
      return true;
    }
    return false;
  };

  const hostServer = createServer(handle(() => hostRoutes, servePage));
  const widgetServer = createServer(
    handle(
      () => widgetRoutes,
      (req, res) => serveStatic(req, res, { root: opts.distDir, frameAncestors: [origins.host, ...(opts.embedOrigins ?? [])] }),
    ),
  );
  for (const s of [hostServer, widgetServer]) {
    // Bounded: a flood of idle or slow connections is refused or timed out, not held (streams are responses: the
    // request timeout does not cut them).
    s.maxConnections = opts.maxConnections ?? 1000;
    s.headersTimeout = 15_000;
    s.requestTimeout = 150_000;
  }
  const widgetPort = await listen(widgetServer, opts.widgetPort ?? 4401, bind);
  const hostPort = await listen(hostServer, opts.hostPort ?? 4400, bind);
  origins.host = `http://${opts.hostName ?? bind}:${hostPort}`;
  origins.widget = `http://${opts.widgetName ?? bind}:${widgetPort}`;
  hostRoutes = opts.hostRoutes?.(origins) ?? [];
  widgetRoutes = opts.widgetRoutes?.(origins) ?? [];

  const close = (s: Server): Promise<void> =>
    new Promise((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return {
    hostUrl: `${origins.host}/`,
    widgetUrl: `${origins.widget}/`,
    close: async () => {
      await Promise.all([close(hostServer), close(widgetServer)]);
    },
  };
}
