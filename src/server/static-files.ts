/**
 * Serves the built widget (dist/) the way a CDN should: correct types, hashed files cached forever, the loader
 * and the frame document revalidated, and the frame document sent with `frame-ancestors` from an allowlist so
 * only the sites you name can embed it (browsers refuse to render it anywhere else).
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options for `serveStatic`. */
export interface StaticOptions {
  /** Folder to serve. */
  root: string;
  /** Origins allowed to embed frame.html (`frame-ancestors`); default `'self'` (name the sites that embed the widget;
   * `['*']` allows any site, which a deployment should not do); empty allows none. */
  frameAncestors?: readonly string[];
  /** Extra headers for every response (e.g. the demo's CSP). */
  headers?: Record<string, string>;
}

/** Resolves a URL path inside `root`, refusing traversal; null when outside or not a file. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded.endsWith('/') ? `${decoded}index.html` : decoded));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Handles GET/HEAD for files under `root`; returns false when the path is not a file there. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, opts: StaticOptions): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = resolveInside(opts.root, new URL(req.url ?? '/', 'http://x').pathname);
  if (!file) return false;
  const name = file.split(sep).pop() ?? '';
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': /-[\w-]{8,}\.(js|css)$/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache',
    // The loader and icons are fetched cross-origin by host pages; CORP lets a cross-origin isolated host page
    // (COEP require-corp) load them.
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    ...opts.headers,
  };
  if (name === 'frame.html') {
    const ancestors = opts.frameAncestors ?? ["'self'"];
    headers['content-security-policy'] = `frame-ancestors ${ancestors.length ? ancestors.join(' ') : "'none'"}`;
    headers['referrer-policy'] = 'no-referrer';
    // Embeddable by a cross-origin isolated page; `credentialless` (not require-corp) so the frame still shows images
    // from any host the answers name.
    headers['cross-origin-embedder-policy'] = 'credentialless';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
  return true;
}
