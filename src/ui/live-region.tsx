/**
 * The one polite live region of the widget, outside the panel so it also speaks while the panel is closed: each
 * finished reply once, as plain text (plain-text.ts), the questions of a structured input, and — when the panel
 * is closed — the launcher's name with the unread count. Each announcement is a new node, so a reply identical to
 * the previous one is announced too. The thread itself is a `log` with `aria-live="off"`: streaming deltas would
 * otherwise be read out word by word, and then again.
 */
import { useMemo } from 'preact/hooks';
import { formatPlural } from '../i18n/format.ts';
import { useModels } from './context.ts';
import { boundAnnouncement, markdownToPlainText } from './plain-text.ts';

/** The live region. */
export function LiveRegion() {
  const { app, chat } = useModels();
  const a = chat.announced.value;
  const text = useMemo(() => {
    if (!a) return '';
    const s = app.strings.peek();
    if (a.closed) return `${s.openChat}, ${formatPlural(s.unread, app.unread.peek(), app.locale.peek().stringsLang)}`;
    return boundAnnouncement(a.markdown ? markdownToPlainText(a.text) : a.text);
  }, [a]);
  return (
    <div class="ck-sr-only" aria-live="polite">
      {text && <p key={a?.seq}>{text}</p>}
    </div>
  );
}
