/**
 * The peers' "widget origin": serves each peer's npm bundle from a local origin (as its CDN would) and fake
 * backends for them, so nothing leaves loopback. Files are sent uncompressed with a one-year cache, like our
 * dist/ (the harness compares brotli sizes it computes itself, so server compression does not matter).
 * Every request is logged; `GET /__log` returns the paths asked for so the harness can report what each peer
 * tried to reach.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

/** URL prefix → file or folder on disk. */
export type Mounts = Record<string, string>;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function cors(req: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': String(req.headers.origin ?? '*'),
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'content-type'),
    vary: 'origin',
  };
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: string): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, { ...cors(req), 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000' });
  res.end(readFileSync(file));
  return true;
}

/**
 * Fake peer backends. Flowise's bubble asks for its chatflow's public config and streaming flag on mount;
 * Typebot and Botpress get a JSON 404 (their hosted APIs cannot be reproduced offline), which their widgets
 * report as a connection error — the closed launcher still renders.
 */
function fakeApi(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  const json = (status: number, body: unknown): true => {
    res.writeHead(status, { ...cors(req), 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
    return true;
  };
  if (path.startsWith('/flowise-api/api/v1/public-chatbotConfig/')) return json(200, {});
  if (path.startsWith('/flowise-api/api/v1/chatflows-streaming/')) return json(200, { isStreaming: true });
  if (path.startsWith('/flowise-api/')) return json(200, {});
  if (path.startsWith('/typebot-api/') || path.startsWith('/botpress-api/')) return json(404, { message: 'offline bench stub' });
  return false;
}

/** Starts the peer origin on a free port of `bind`. */
export async function startPeerOrigin(bind: string, mounts: Mounts): Promise<{ url: string; server: Server }> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    log.push(`${req.method} ${path}`);
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors(req)).end();
    if (path === '/__log') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log.splice(0)));
    if (fakeApi(req, res, path)) return;
    for (const [prefix, target] of Object.entries(mounts)) {
      if (!path.startsWith(prefix)) continue;
      const rest = normalize(path.slice(prefix.length)).replace(/^(\.\.(\/|$))+/, '');
      if (serveFile(req, res, rest ? join(target, rest) : target)) return;
    }
    res.writeHead(404, cors(req)).end();
  });
  await new Promise<void>((resolve) => server.listen(0, bind, resolve));
  return { url: `http://${bind}:${(server.address() as AddressInfo).port}`, server };
}
