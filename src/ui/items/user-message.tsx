/** A user message: quoted text, the message (text and entity tags; never rendered as Markdown), attachments. */
import type { UserMessageItem } from '../../protocol/items.ts';
import { LOCAL_ID_PREFIX } from '../../store/apply-stream-event.ts';
import { useModels } from '../context.ts';

/** The user's message bubble. */
export function UserMessage({ item }: { item: UserMessageItem }) {
  const { app } = useModels();
  const onTag = app.options.value.entities.onClick;
  return (
    <div class="ck-user" data-pending={item.id.startsWith(LOCAL_ID_PREFIX) ? 'true' : undefined}>
      {item.quoted_text && <blockquote class="ck-user-quote">{item.quoted_text}</blockquote>}
      <div class="ck-user-bubble" dir="auto">
        {item.content.map((part, i) =>
          part.type === 'input_text' ? (
            <span key={i}>{part.text}</span>
          ) : part.interactive && onTag ? (
            <button key={i} type="button" class="ck-tag" onClick={() => void onTag({ id: part.id, title: part.text, data: part.data as Record<string, string>, interactive: true, ...(part.group ? { group: part.group } : {}) })}>
              @{part.text}
            </button>
          ) : (
            <span key={i} class="ck-tag">
              @{part.text}
            </span>
          ),
        )}
      </div>
      {item.attachments.length > 0 && (
        <ul class="ck-user-attachments">
          {item.attachments.map((a) => (
            <li key={a.id} class="ck-attachment-chip">
              {a.type === 'image' ? <img src={a.preview_url} alt={a.name} loading="lazy" referrerpolicy="no-referrer" /> : null}
              <span>{a.name}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
