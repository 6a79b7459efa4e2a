/** The floating launcher: a real button whose name says what it does, with the unread count. */
import type { Ref } from 'preact';
import { formatPlural } from '../i18n/format.ts';
import { Icon } from '../icons/icon.tsx';
import { useModels } from './context.ts';

/** The launcher button. */
export function Launcher({ buttonRef }: { buttonRef: Ref<HTMLButtonElement> }) {
  const { app, chat } = useModels();
  const s = app.strings.value;
  const open = app.isOpen.value;
  const count = app.unread.value;
  const unread = count > 0 && !open ? formatPlural(s.unread, count, app.locale.value.stringsLang) : '';
  return (
    <button
      ref={buttonRef}
      type="button"
      class="ck-launcher"
      aria-label={open ? s.closeChat : unread ? `${s.openChat}, ${unread}` : s.openChat}
      aria-expanded={open}
      onClick={() => {
        chat.engage();
        void app.toggle();
      }}
    >
      <Icon name={open ? 'x' : 'message-circle'} size={26} />
      {unread && (
        <span class="ck-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      )}
    </button>
  );
}
