/**
 * HTTP details shared by the Node and fetch adapters: which paths they own, CORS, and the headers of each kind
 * of response. Everything here is pure, so both adapters answer byte-for-byte alike.
 */
import { isSafeId } from './ids.ts';
import type { AttachmentFile } from './server-types.ts';

/** Cross-origin access: the exact origins (e.g. the widget's) allowed to call the endpoint from a browser. */
export interface CorsOptions {
  /** Allowed origins, e.g. `['https://widget.example.com']`; `'*'` allows any origin. */
  origins: readonly string[];
  /** Extra request headers to allow besides content-type, accept-language and authorization. */
  headers?: readonly string[];
  /** Send `access-control-allow-credentials: true` (cookies through a custom `api.fetch`). */
  credentials?: boolean;
}

/** Options shared by both adapters. */
export interface HttpOptions {
  /** Path of the endpoint (default `/chatkit`); uploads and files live below it. */
  basePath?: string;
  /** CORS for browsers on other origins; absent = same-origin only. */
  cors?: CorsOptions;
  /** Public absolute URL of the endpoint, for upload and file URLs (set it behind a proxy or a load balancer). Default:
   * the Node adapter's listen address; the fetch adapter's request URL. Never the `Host` header. */
  publicUrl?: string;
  /** Largest JSON request body in bytes (default 1 MiB); larger gets 413. */
  maxBodyBytes?: number;
  /** Receives unexpected failures answered with a 500 (default `console.error`). */
  onError?: (error: unknown) => void;
}

/** The default JSON body limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Room for multipart boundaries and part headers on top of the file size limit. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/** A path the adapters own. */
export type Route =
  | { kind: 'endpoint' }
  | { kind: 'direct-upload' }
  | { kind: 'upload'; id: string }
  | { kind: 'file'; id: string };

/** The methods each route answers (OPTIONS is always answered for CORS preflight). */
export function routeMethods(route: Route): readonly string[] {
  if (route.kind === 'upload') return ['PUT', 'POST'];
  if (route.kind === 'file') return ['GET', 'HEAD'];
  return ['POST'];
}

/** Normalises a base path to `/x/y` (no trailing slash). */
export function normalizeBasePath(basePath = '/chatkit'): string {
  const trimmed = basePath.replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The route of a URL path, or null when the adapters do not own it. */
export function matchRoute(pathname: string, basePath: string): Route | null {
  if (pathname === basePath || pathname === `${basePath}/`) return { kind: 'endpoint' };
  if (!pathname.startsWith(`${basePath}/`)) return null;
  const rest = pathname.slice(basePath.length + 1).split('/');
  if (rest.length === 1 && rest[0] === 'upload') return { kind: 'direct-upload' };
  const [section, id] = rest;
  if (rest.length !== 2 || id === undefined || !isSafeId(id)) return null;
  if (section === 'uploads') return { kind: 'upload', id };
  if (section === 'files') return { kind: 'file', id };
  return null;
}

/** Whether CORS allows `origin`. */
export function allowsOrigin(cors: CorsOptions | undefined, origin: string | null | undefined): origin is string {
  return !!cors && !!origin && (cors.origins.includes(origin) || cors.origins.includes('*'));
}

/** CORS headers for an actual request: the origin is echoed only when it is allowed. */
export function corsHeaders(cors: CorsOptions | undefined, origin: string | null | undefined): Record<string, string> {
  if (!cors) return {};
  const headers: Record<string, string> = { vary: 'origin' };
  if (!allowsOrigin(cors, origin)) return headers;
  headers['access-control-allow-origin'] = origin;
  if (cors.credentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/** Headers of a preflight answer (204). */
export function preflightHeaders(
  cors: CorsOptions | undefined,
  origin: string | null | undefined,
  route: Route,
): Record<string, string> {
  const headers = corsHeaders(cors, origin);
  if (!headers['access-control-allow-origin']) return headers;
  const allowed = ['content-type', 'accept-language', 'authorization', ...(cors?.headers ?? [])];
  return {
    ...headers,
    'access-control-allow-methods': [...routeMethods(route), 'OPTIONS'].join(', '),
    'access-control-allow-headers': allowed.join(', '),
    'access-control-max-age': '600',
  };
}

/** Headers of a JSON response. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'cache-control': 'no-store',
};

/** Headers of a streaming response: no caching, no proxy buffering (nginx honours `x-accel-buffering`). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
};

/**
 * Headers for serving an uploaded file from the host's origin: only raster images inline, everything else a
 * download; `nosniff` and a sandboxing CSP so an uploaded HTML or SVG file can never run as a page.
 */
export function fileHeaders(file: AttachmentFile): Record<string, string> {
  const name = `filename*=UTF-8''${encodeURIComponent(file.name)}`;
  return {
    'content-type': file.mimeType,
    'content-length': String(file.bytes.byteLength),
    'content-disposition': `${file.inline ? 'inline' : 'attachment'}; ${name}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cross-origin-resource-policy': 'cross-origin',
    'cache-control': 'private, max-age=3600',
  };
}

/** The absolute endpoint URL: the configured one, or the request's own origin plus the base path. */
export function endpointUrl(options: HttpOptions, origin: string, basePath: string): string {
  return (options.publicUrl ?? `${origin}${basePath}`).replace(/\/+$/, '');
}
