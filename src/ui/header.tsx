/** The panel header: title, history and new-chat buttons, custom host actions, and close (floating mode). */
import type { ResolvedHeaderAction } from '../config/resolved.ts';
import { Icon } from '../icons/icon.tsx';
import { useModels } from './context.ts';
import { focusNext } from './focus-keeper.ts';

/** A name for a custom header action: ChatKit gives only an icon, so say what the icon shows. */
const iconLabel = (icon: string): string => icon.replace(/^lucide:/, '').replace(/-/g, ' ');

function HostAction({ action }: { action: ResolvedHeaderAction }) {
  const { app } = useModels();
  return (
    <button type="button" class="ck-icon-button" aria-label={iconLabel(action.icon)} onClick={() => void Promise.resolve(action.onClick()).catch((e: Error) => app.reportError(e))}>
      <Icon name={action.icon} />
    </button>
  );
}

/** The header. */
export function Header({ title }: { title: string }) {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const options = app.options.value;
  const busy = chat.status.value !== 'idle';
  const history = app.view.value === 'history';
  return (
    <header class="ck-header">
      {options.header.leftAction && <HostAction action={options.header.leftAction} />}
      {history ? (
        <button
          type="button"
          class="ck-icon-button"
          aria-label={s.backToChat}
          onClick={() => {
            focusNext('[data-action="history"]');
            app.setView('chat');
          }}
        >
          <Icon name="chevron-left" />
        </button>
      ) : null}
      <h1 class="ck-title" dir="auto">{options.header.title.enabled ? (history ? s.history : title) : ''}</h1>
      {options.history.enabled && !history && (
        <button
          type="button"
          class="ck-icon-button"
          data-action="history"
          aria-label={s.history}
          onClick={() => app.setView('history')}
        >
          <Icon name="history" />
        </button>
      )}
      {!history && (
        <button type="button" class="ck-icon-button" aria-label={s.newChat} disabled={busy} onClick={() => chat.newThread()}>
          <Icon name="square-pen" />
        </button>
      )}
      {options.header.rightAction && <HostAction action={options.header.rightAction} />}
      {!app.inline && (
        <button type="button" class="ck-icon-button" aria-label={s.closeChat} onClick={() => void app.setOpen(false)}>
          <Icon name="x" />
        </button>
      )}
    </header>
  );
}
