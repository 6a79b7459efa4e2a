/**
 * The host pages, generated from examples/index.html (the realistic landing page) once the servers know their
 * ports: the same page without the snippet, with ours (cross-site and same-site widget origin), with each peer's
 * documented snippet, and the streaming / long-thread pages. Written to bench/.tmp/pages, which the demo
 * server searches before examples/ (so `assets/site.css` still resolves).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SNIPPET = /<script async src="http:\/\/127\.0\.0\.1:4401\/chatkit\.js"([^>]*)><\/script>\n?/;

const esc = (s) => String(s).replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The host-page variants compared on the landing page: name → how the snippet is written. */
export function hostVariants(urls, { peers }) {
  const alias = urls.widgetAliasUrl.replace(/\/$/, '');
  const same = urls.widgetUrl.replace(/\/$/, '');
  const peer = urls.peerUrl;
  const v = [
    { name: 'none', label: 'no widget', snippet: () => '' },
    { name: 'chatkit', label: 'chatkit-embed', ours: true, snippet: (attrs) => `<script async src="${alias}/chatkit.js"${attrs}></script>\n` },
    { name: 'chatkit-same-site', label: 'chatkit-embed (same-site widget origin)', ours: true, snippet: (attrs) => `<script async src="${same}/chatkit.js"${attrs}></script>\n` },
  ];
  if (peers) {
    v.push(
      {
        name: 'typebot', label: '@typebot.io/js (bubble)', peer: true,
        snippet: () => `<script type="module">import Typebot from "${peer}/typebot/web.js";Typebot.initBubble({typebot:"northwind-assistant",apiHost:"${peer}/typebot-api"});</script>\n`,
      },
      {
        name: 'flowise', label: 'flowise-embed (bubble)', peer: true,
        snippet: () => `<script type="module">import Chatbot from "${peer}/flowise/web.js";Chatbot.init({chatflowid:"northwind-assistant",apiHost:"${peer}/flowise-api"});</script>\n`,
      },
      {
        name: 'botpress', label: '@botpress/webchat (React Fab + Webchat)', peer: true,
        snippet: () => `<script async src="${peer}/botpress/app.js" data-client-id="00000000-0000-4000-8000-000000000000" data-api-url="${peer}/botpress-api"></script>\n`,
      },
    );
  }
  return v;
}

/** Writes every page; returns { variants, pages: name → URL }. */
export function writePages(dir, examples, urls, opts) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const landing = readFileSync(join(examples, 'index.html'), 'utf8');
  const m = SNIPPET.exec(landing);
  if (!m) throw new Error('examples/index.html no longer has the chatkit.js snippet the bench replaces');
  const attrs = m[1];
  const page = (snippet) => landing.replace(SNIPPET, snippet);
  const pages = {};
  const write = (name, html) => {
    writeFileSync(join(dir, `bench-${name}.html`), html);
    pages[name] = `${urls.hostUrl}bench-${name}.html`;
  };
  const variants = hostVariants(urls, opts);
  for (const v of variants) write(v.name, page(v.snippet(attrs)));
  const alias = urls.widgetAliasUrl.replace(/\/$/, '');
  const ours = (data) => `<script async src="${alias}/chatkit.js"${Object.entries(data).map(([k, val]) => ` data-${k}="${esc(val)}"`).join('')}></script>\n`;
  write('stream-full', page(ours({ 'api-url': `${urls.streamUrl}/chatkit?tokens=${opts.tokens}&rate=0`, history: 'false' })));
  write('stream-paced', page(ours({ 'api-url': `${urls.streamUrl}/chatkit?tokens=${opts.tokens}&rate=${opts.rate}`, history: 'false' })));
  write('long', page(ours({ 'api-url': '/long/chatkit', 'initial-thread': urls.longThreadId })));
  return { variants, pages };
}
