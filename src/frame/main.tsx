/**
 * The frame's boot: connect to the host (handshake), build the models, register the host-callable methods,
 * render, apply data-* options, restore the last thread, and tell the host we are ready.
 */
import { render } from 'preact';
import type { Handler } from '../bridge/endpoint.ts';
import { createAppModel, type AppModel } from '../store/app-model.ts';
import { createChatModel } from '../store/chat-model.ts';
import { createComposerModel } from '../store/composer-model.ts';
import { createKeptState, keptNamespace } from '../store/kept-state.ts';
import { createHistoryModel } from '../store/history-model.ts';
import { App } from '../ui/app.tsx';
import { connectToHost } from './connect.ts';
import { registerMethods } from './methods.ts';
import { applyTheme } from './theme.ts';

async function boot(): Promise<void> {
  const handlers = new Map<string, Handler>();
  let app: AppModel | undefined;
  const { host, boot: info } = await connectToHost(handlers, (name, detail) => app?.handleHostEvent(name, detail));
  const reduced = matchMedia('(prefers-reduced-motion: reduce)');
  app = createAppModel({
    host,
    boot: info,
    reducedMotion: () => reduced.matches,
    nextFrame: () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
    navigatorLanguages: navigator.languages,
  });
  const chat = createChatModel(app, {
    frame: (commit) => {
      const id = requestAnimationFrame(commit);
      return () => cancelAnimationFrame(id);
    },
    // Kept in the host page's first-party storage by the loader, namespaced by instance and API URL.
    kept: createKeptState((area, key, value) => host.call('storage', [area, key, value]), () => keptNamespace(app!.options.peek().api, app!.baseUrl, info.data.instance), app.storage),
    baseUrl: info.baseUrl,
    inline: app.inline,
  });
  const composer = createComposerModel(app, chat);
  const history = createHistoryModel(app, chat);
  const models = { app, chat, composer, history };
  let restored = false;
  let initialThread: string | null | undefined;
  // The first options (data-* or setOptions) restore the thread of the last visit, once; later options that name
  // a different initialThread open it (an SPA saying "show this thread").
  const onOptions = (): void => {
    if (!app?.configured.peek()) return;
    const options = app.options.peek();
    const wanted = options.initialThread;
    const changed = typeof wanted === 'string' && wanted !== initialThread;
    initialThread = wanted;
    if (!restored) {
      restored = true;
      void chat.restore(options);
    } else if (changed && wanted !== chat.threadId.peek() && chat.status.peek() === 'idle') {
      void chat.loadThread(wanted!).catch((e: Error) => app?.reportError(e));
    }
  };
  registerMethods(handlers, models, onOptions);
  applyTheme(app);
  render(<App models={models} />, document.getElementById('app') as HTMLElement);
  app.start();
  onOptions();
  if (app.placement.open) void app.setOpen(true);
  host.emit('chatkit.ready');
}

boot().catch((e: unknown) => {
  // Opened directly (not embedded) or the handshake failed: say so rather than showing a blank page.
  const p = document.createElement('p');
  p.className = 'ck-standalone';
  p.textContent = e instanceof Error ? e.message : String(e);
  document.getElementById('app')?.appendChild(p);
});
