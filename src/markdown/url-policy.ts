/**
 * The one URL policy for model-supplied links and images (markdown here, widgets later). URLs are judged by the
 * WHATWG URL parser, the same one the browser will use on the href, after decoding character references, so no
 * spelling of `javascript:` (case, tabs, newlines, control characters, `&#106;`) slips through as something else.
 */
import { decodeEntities } from './entities.ts';

/** A link the policy accepts: a URL to open in a new tab, or a `chatkit-link://name?k=v` deep link. */
export type SafeLink = { kind: 'url'; href: string } | { kind: 'deeplink'; name: string; data: Record<string, string> };

/** An image the policy accepts; `blocked` means its host is not allowed, so it loads only when the user asks. */
export interface SafeImage {
  src: string;
  host: string;
  blocked: boolean;
}

/** Options of createUrlPolicy; `allowedImageDomains` null/absent allows every image host. */
export interface UrlPolicyOptions {
  baseUrl?: string | undefined;
  allowedImageDomains?: readonly string[] | null | undefined;
}

/** Decides how (and whether) a raw URL from untrusted content is rendered. */
export interface UrlPolicy {
  link(raw: string): SafeLink | null;
  image(raw: string): SafeImage | null;
}

const LINK_PROTOCOLS = ['http:', 'https:', 'mailto:', 'tel:'];
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp)[;,]/i;
// Stands in for a missing baseUrl so relative URLs can be classified; never rendered.
const PLACEHOLDER = 'https://relative.invalid/';

const cleanUrl = (raw: string) =>
  decodeEntities(raw).replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');

function normalizeDomain(d: string): string {
  d = d.trim().toLowerCase();
  if (d.includes('://')) {
    try {
      d = new URL(d).hostname;
    } catch {
      return '';
    }
  }
  return d.replace(/^\*?\./, '');
}

/** Creates the policy; relative URLs resolve against `baseUrl` when given. */
export function createUrlPolicy(options: UrlPolicyOptions = {}): UrlPolicy {
  const base = options.baseUrl;
  const domains = options.allowedImageDomains?.map(normalizeDomain).filter(Boolean) ?? null;
  const parse = (s: string): URL | null => {
    try {
      return new URL(s, base ?? PLACEHOLDER);
    } catch {
      return null;
    }
  };
  return {
    link(raw) {
      const s = cleanUrl(raw);
      const u = s ? parse(s) : null;
      if (!u) return null;
      if (u.protocol === 'chatkit-link:') {
        return u.host ? { kind: 'deeplink', name: u.host, data: Object.fromEntries(u.searchParams) } : null;
      }
      if (!LINK_PROTOCOLS.includes(u.protocol)) return null;
      // Without a base, a relative URL stays relative; the placeholder origin must never reach the DOM.
      return { kind: 'url', href: !base && u.href.startsWith(PLACEHOLDER) ? s : u.href };
    },
    image(raw) {
      const s = cleanUrl(raw);
      if (DATA_IMAGE.test(s)) return { src: s, host: '', blocked: false };
      const u = s ? parse(s) : null;
      if (!u || !/^https?:$/.test(u.protocol) || (!base && u.href.startsWith(PLACEHOLDER))) return null;
      const host = u.hostname;
      return { src: u.href, host, blocked: !!domains && !domains.some((d) => host === d || host.endsWith('.' + d)) };
    },
  };
}
