/**
 * The benchmark's server process (bundled by the harness to bench/.tmp/bench-server.mjs and run as a child).
 * Everything binds 127.0.0.1:
 *  - the two-origin demo (src/server/demo-server.ts): host pages (the generated bench pages, then examples/
 *    for assets) and the static widget (a snapshot of dist/), with the demo backend at /chatkit and the
 *    long-thread backend at /long/chatkit, both allowing the widget origin under either name (127.0.0.1 and
 *    the cross-site alias the browser maps to 127.0.0.1);
 *  - the SSE stream server; the peers' origin.
 * Prints one JSON line with the URLs, then serves until SIGTERM/SIGINT or stdin closes.
 *
 *   node bench-server.mjs '{"distDir":…,"pageDirs":[…],"peerMounts":{…},"widgetAlias":"widget.bench","longItems":10000}'
 */
import { createChatKitServer, createDemoAgent, createMemoryStore, createNodeHandler } from '../../src/server/index.ts';
import { startDemo } from '../../src/server/demo-server.ts';
import { createLongThreadServer, LONG_THREAD_ID, longItemId } from './long-thread.ts';
import { startPeerOrigin, type Mounts } from './peer-origin.ts';
import { startStreamServer } from './stream-server.ts';

/** The process's configuration (argv[2], JSON). */
export interface BenchServerConfig {
  distDir: string;
  pageDirs: string[];
  peerMounts: Mounts;
  widgetAlias: string;
  longItems: number;
}

/** What the process prints once it listens. */
export interface BenchServerUrls {
  hostUrl: string;
  widgetUrl: string;
  widgetAliasUrl: string;
  streamUrl: string;
  peerUrl: string;
  longThreadId: string;
  longFirstItemId: string;
  longLastItemId: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as BenchServerConfig;
  const bind = '127.0.0.1';
  const demoBackend = createChatKitServer({ store: createMemoryStore(), ...createDemoAgent({ delayMs: 2 }) });
  const longBackend = await createLongThreadServer(config.longItems);
  let aliasOrigin = '';
  const demo = await startDemo({
    bind,
    hostPort: 0,
    widgetPort: 0,
    distDir: config.distDir,
    pageDirs: config.pageDirs,
    hostRoutes: (origins) => {
      aliasOrigin = origins.widget.replace(bind, config.widgetAlias);
      const cors = { origins: [origins.widget, aliasOrigin] };
      return [createNodeHandler(demoBackend, { cors }), createNodeHandler(longBackend, { basePath: '/long/chatkit', cors })];
    },
  });
  const stream = await startStreamServer(bind);
  const peers = await startPeerOrigin(bind, config.peerMounts);
  const urls: BenchServerUrls = {
    hostUrl: demo.hostUrl,
    widgetUrl: demo.widgetUrl,
    widgetAliasUrl: `${aliasOrigin}/`,
    streamUrl: stream.url,
    peerUrl: peers.url,
    longThreadId: LONG_THREAD_ID,
    longFirstItemId: longItemId(0),
    longLastItemId: longItemId(config.longItems - 1),
  };
  console.log(JSON.stringify(urls));
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    stream.server.closeAllConnections();
    peers.server.closeAllConnections();
    void Promise.all([demo.close(), new Promise((r) => stream.server.close(r)), new Promise((r) => peers.server.close(r))]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The harness holds our stdin open; if it dies without signalling, we go too (no orphaned servers).
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
