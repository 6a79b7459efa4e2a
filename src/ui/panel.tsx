/**
 * The chat panel: header, the thread (or the start screen, or history), and the composer. History is a chunk of
 * its own; until it is there, an empty busy list holds its place (and keyboard focus).
 */
import { useModels } from './context.ts';
import { Composer } from './composer/composer.tsx';
import { Header } from './header.tsx';
import { loadHistory, useLazy } from './items/lazy-modules.ts';
import { StartScreen } from './start-screen.tsx';
import { ThreadView } from './thread-view.tsx';

/** The panel. */
export function Panel() {
  const { app, chat } = useModels();
  const options = app.options.value;
  const conv = chat.conversation.value;
  const history = app.view.value === 'history';
  const lazy = useLazy(history ? loadHistory : null, app.reportError);
  const empty = !conv.thread && conv.items.length === 0 && chat.status.value !== 'loading';
  const title = options.header.title.text ?? conv.thread?.title ?? app.frameTitle.value;
  return (
    <section class="ck-panel" role="dialog" aria-label={title} dir={app.locale.value.dir}>
      {options.header.enabled && <Header title={title} />}
      {history ? (
        lazy ? (
          <lazy.History />
        ) : (
          <div class="ck-history" tabIndex={-1} aria-busy="true" />
        )
      ) : empty ? (
        <StartScreen />
      ) : (
        <ThreadView />
      )}
      {!history && <Composer />}
    </section>
  );
}
