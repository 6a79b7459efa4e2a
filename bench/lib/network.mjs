/**
 * Bytes a page fetched, from Playwright's request events (they include the out-of-process widget frame).
 * Servers here send files uncompressed, so besides what went over the wire we report what each response would
 * weigh with brotli (q11, as build.mjs measures), computed from the body — the same for us and for peers.
 */
import { brotliCompressSync, constants as zlib } from 'node:zlib';

const brotliCache = new Map();

function brotliSize(url, body) {
  const key = `${url} ${body.length}`;
  let n = brotliCache.get(key);
  if (n === undefined) {
    n = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotliCache.set(key, n);
  }
  return n;
}

/** Starts recording a page's requests; `summarize(filter, sinceMs)` totals those matching. */
export function recordNetwork(page) {
  const finished = [];
  const failed = [];
  page.on('requestfinished', (r) => finished.push({ r, at: Date.now() }));
  page.on('requestfailed', (r) => failed.push({ url: r.url(), error: r.failure()?.errorText ?? '?', at: Date.now() }));
  return {
    failed,
    count: (filter) => finished.filter(({ r }) => filter(r.url())).length,
    async summarize(filter, since = 0, until = Infinity) {
      const out = { requests: 0, wire: 0, raw: 0, brotli: 0, files: [] };
      for (const { r, at } of finished) {
        const url = r.url();
        if (at < since || at > until || !filter(url)) continue;
        const sizes = await r.sizes().catch(() => null);
        const response = await r.response().catch(() => null);
        const body = response ? await response.body().catch(() => null) : null;
        out.requests++;
        out.wire += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
        out.raw += body ? body.length : 0;
        const br = body && body.length ? brotliSize(url, body) : 0;
        out.brotli += br;
        out.files.push({ url: url.replace(/#.*$/, ''), status: response?.status() ?? 0, raw: body?.length ?? 0, brotli: br });
      }
      return out;
    },
  };
}
