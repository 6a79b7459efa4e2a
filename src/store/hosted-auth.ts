/**
 * Hosted mode (`api.getClientSecret`, CHATKIT.md §1.2 and §6; experimental, as the official wire format is not
 * public): the secret is requested with `null` on mount and again, with the current secret, before it expires
 * or after a 401. Concurrent requests share one refresh.
 */

/** The endpoint the official client is reported to use for hosted conversations. */
export const HOSTED_API_URL = 'https://api.openai.com/v1/chatkit/conversation';

/** ChatKit sessions last 10 minutes by default; refresh a minute early. */
export const SECRET_TTL_MS = 9 * 60_000;

/** Auth for hosted mode: headers for each request, and a fetch that refreshes once on 401. */
export interface HostedAuth {
  headers(): Promise<Record<string, string>>;
  fetch: typeof fetch;
  /** Current secret, refreshing it when missing or near expiry. */
  secret(): Promise<string>;
}

/** Creates the auth state around the host's `getClientSecret`. */
export function createHostedAuth(
  getClientSecret: (current: string | null) => Promise<string>,
  now: () => number = Date.now,
  baseFetch: typeof fetch = (input, init) => fetch(input, init),
): HostedAuth {
  let secret: string | null = null;
  let fetchedAt = 0;
  let refreshing: Promise<string> | null = null;

  const refresh = (): Promise<string> =>
    (refreshing ??= Promise.resolve()
      .then(() => getClientSecret(secret))
      .then((next) => {
        if (typeof next !== 'string' || !next) throw new Error('api.getClientSecret must resolve to a non-empty string');
        secret = next;
        fetchedAt = now();
        return next;
      })
      .finally(() => {
        refreshing = null;
      }));

  const current = (): Promise<string> => (secret && now() - fetchedAt < SECRET_TTL_MS ? Promise.resolve(secret) : refresh());
  const headers = async (): Promise<Record<string, string>> => ({
    authorization: `Bearer ${await current()}`,
    'openai-beta': 'chatkit_beta=v1',
  });

  return {
    headers,
    secret: current,
    async fetch(input, init = {}) {
      const res = await baseFetch(input, init);
      if (res.status !== 401) return res;
      const used = new Headers(init.headers).get('authorization');
      // Another request may have refreshed already; otherwise refresh now, then retry once.
      const fresh = used === `Bearer ${secret}` || !secret ? await refresh() : secret;
      const retryHeaders = new Headers(init.headers);
      retryHeaders.set('authorization', `Bearer ${fresh}`);
      return baseFetch(input, { ...init, headers: retryHeaders });
    },
  };
}
