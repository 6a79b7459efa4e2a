/**
 * Builds the API client for the current options: the endpoint URL (relative URLs resolve against the host
 * page, which is where the site owner wrote them), the fetch to use (the host's `api.fetch` relayed over the
 * bridge, so its auth headers and cookies apply), and `Accept-Language` from the resolved locale.
 */
import { handleIdOf, relayFetch } from '../bridge/handles.ts';
import type { HostLink } from './app-model.ts';
import type { ResolvedApi } from '../config/resolved.ts';
import { createApiClient, type ApiClient } from '../client/api-client.ts';
import { createHostedAuth, HOSTED_API_URL } from './hosted-auth.ts';

/** What the client factory needs besides the options. */
export interface BackendEnv {
  host: Pick<HostLink, 'call'>;
  /** The host page's base URL. */
  baseUrl: string;
  locale: string;
  log: (name: string, data?: Record<string, unknown>) => void;
}

/** The fetch to use for a configured `api.fetch`: relayed when it is a host function, as-is otherwise. */
export function fetchFor(fn: typeof fetch | undefined, host: Pick<HostLink, 'call'>): typeof fetch {
  if (!fn) return (input, init) => fetch(input, init);
  const id = handleIdOf(fn);
  return id === undefined ? fn : relayFetch(host, id);
}

/** Resolves `url` against the host page; throws a clear error for unusable URLs. */
export function resolveApiUrl(url: string, baseUrl: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, baseUrl);
  } catch {
    throw new Error(`api.url is not a valid URL: ${JSON.stringify(url)}`);
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') throw new Error(`api.url must be http(s): ${JSON.stringify(url)}`);
  return resolved.href;
}

/** A client for `api`, or null when there is none. */
export function createBackend(api: ResolvedApi | null, env: BackendEnv): ApiClient | null {
  if (!api) return null;
  if (api.type === 'hosted') {
    const auth = createHostedAuth(api.getClientSecret);
    return createApiClient({ url: HOSTED_API_URL, fetch: auth.fetch, locale: env.locale, headers: auth.headers, log: env.log });
  }
  return createApiClient({
    url: resolveApiUrl(api.url, env.baseUrl),
    fetch: fetchFor(api.fetch, env.host),
    locale: env.locale,
    log: env.log,
  });
}
