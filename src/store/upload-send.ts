/**
 * How the bytes of one upload travel. XMLHttpRequest (the frame's own) when no `api.fetch` applies, as only it reports
 * upload progress (the chip shows a percentage); otherwise the host's fetch, relayed, so the page's auth applies.
 */

/** How the bytes of one upload are sent. */
export interface SendInit {
  method: string;
  headers?: Record<string, string> | undefined;
  body: Blob | FormData;
  signal: AbortSignal;
}

/** Sends bytes; calls `onProgress` with the fraction sent when the transport can tell. */
export type Send = (url: string, init: SendInit, onProgress: (fraction: number) => void) => Promise<Response>;

/** Sends with XMLHttpRequest, which (unlike fetch) reports upload progress; same credentials rule as fetch. */
export const sendWithProgress: Send = (url, init, onProgress) =>
  new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    for (const [k, v] of Object.entries(init.headers ?? {})) xhr.setRequestHeader(k, v);
    xhr.responseType = 'blob';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => resolve(new Response([204, 205, 304].includes(xhr.status) ? null : (xhr.response as Blob), { status: xhr.status }));
    xhr.onerror = () => reject(new TypeError(`The upload to ${url} failed (network error)`));
    xhr.onabort = () => reject(init.signal.reason);
    init.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    if (init.signal.aborted) return xhr.abort();
    xhr.send(init.body);
  });

/** Sends through `f` (the host's `api.fetch`, relayed, so its auth applies); fetch reports no upload progress. */
export const sendWithFetch = (f: typeof fetch): Send => (url, init) => f(url, init);
