/** The chat panel: header, the thread (or the start screen, or history), and the composer. */
import { useModels } from './context.ts';
import { Composer } from './composer/composer.tsx';
import { Header } from './header.tsx';
import { History } from './history.tsx';
import { StartScreen } from './start-screen.tsx';
import { ThreadView } from './thread-view.tsx';

/** The panel. */
export function Panel() {
  const { app, chat } = useModels();
  const options = app.options.value;
  const conv = chat.conversation.value;
  const history = app.view.value === 'history';
  const empty = !conv.thread && conv.items.length === 0 && chat.status.value !== 'loading';
  const title = options.header.title.text ?? conv.thread?.title ?? app.frameTitle.value;
  return (
    <section class="ck-panel" role="dialog" aria-label={title} dir={app.locale.value.dir}>
      {options.header.enabled && <Header title={title} />}
      {history ? <History /> : empty ? <StartScreen /> : <ThreadView />}
      {!history && <Composer />}
    </section>
  );
}
