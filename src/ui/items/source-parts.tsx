/**
 * Pieces shared by the Sources list and web-search tasks: a URL source as a safe link with its site icon, and
 * a file source. Every URL goes through the thread's URL policy; a site icon loads only from an allowed image
 * host (otherwise a neutral icon stands in, with no request).
 */
import { useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import type { UrlPolicy } from '../../markdown/url-policy.ts';
import type { FileSource, URLSource } from '../../protocol/sources.ts';
import { useModels } from '../context.ts';
import { useMarkdown } from '../use-markdown.ts';

/** The host name of a URL without `www.`, or '' when it has none. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The `/favicon.ico` of a page, if the policy lets it load without asking. */
function faviconOf(url: string, policy: UrlPolicy): string | null {
  let guess: string;
  try {
    const page = new URL(url);
    if (page.protocol !== 'https:' && page.protocol !== 'http:') return null;
    guess = new URL('/favicon.ico', page).href;
  } catch {
    return null;
  }
  const image = policy.image(guess);
  return image && !image.blocked ? image.src : null;
}

/** A site icon, or a link icon when there is none to load. */
export function Favicon({ href }: { href: string }) {
  const md = useMarkdown();
  const [failed, setFailed] = useState(false);
  const src = failed ? null : faviconOf(href, md.policy);
  if (!src) return <Icon name="external-link" size={14} />;
  return <img class="ck-favicon" src={src} alt="" width={16} height={16} loading="lazy" referrerpolicy="no-referrer" onError={() => setFailed(true)} />;
}

/** A URL source: its title and `attribution` (else host), opening in a new tab; plain text when the policy rejects the URL. */
export function UrlSourceLink({ source }: { source: URLSource }) {
  const { app } = useModels();
  const md = useMarkdown();
  const link = md.policy.link(source.url);
  const body = (href: string) => (
    <>
      <Favicon href={href} />
      <span class="ck-source-title" dir="auto">{source.title}</span>
      {(source.attribution || hostOf(href)) && <span class="ck-source-meta">{source.attribution || hostOf(href)}</span>}
    </>
  );
  if (link?.kind === 'url') {
    return (
      <a class="ck-source" href={link.href} target="_blank" rel="noopener noreferrer">
        {body(link.href)}
        <span class="ck-sr-only">{app.strings.value.opensInNewTab}</span>
      </a>
    );
  }
  if (link?.kind === 'deeplink') {
    return (
      <button type="button" class="ck-source" onClick={() => md.onDeeplink(link.name, link.data)}>
        <span class="ck-source-title" dir="auto">{source.title}</span>
      </button>
    );
  }
  return (
    <span class="ck-source">
      <span class="ck-source-title" dir="auto">{source.title}</span>
    </span>
  );
}

/** A file source: its title, and the file name when that differs. */
export function FileSourceLine({ source }: { source: FileSource }) {
  return (
    <span class="ck-source">
      <Icon name="file" size={14} />
      <span class="ck-source-title" dir="auto">{source.title || source.filename}</span>
      {source.title && source.title !== source.filename && <span class="ck-source-meta">{source.filename}</span>}
    </span>
  );
}
