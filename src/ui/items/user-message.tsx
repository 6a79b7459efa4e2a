/** A user message: quoted text, the message (text and entity tags; never rendered as Markdown), attachments. */
import type { Entity } from '../../config/types.ts';
import type { UserMessageTagContent } from '../../protocol/content.ts';
import type { UserMessageItem } from '../../protocol/items.ts';
import { LOCAL_ID_PREFIX } from '../../store/apply-stream-event.ts';
import { useModels } from '../context.ts';
import { EntityTag } from './entity-tag.tsx';

/** The Entity a sent tag stands for, as the host's `entities` callbacks receive it. */
function tagEntity(part: UserMessageTagContent): Entity {
  return { id: part.id, title: part.text, data: part.data as Record<string, string>, interactive: true, ...(part.group ? { group: part.group } : {}) };
}

/** The user's message bubble, under a heading only screen readers see ("You"). */
export function UserMessage({ item }: { item: UserMessageItem }) {
  const { app } = useModels();
  const { onClick, onRequestPreview } = app.options.value.entities;
  const live = !!(onClick || onRequestPreview);
  return (
    <div class="ck-user" data-pending={item.id.startsWith(LOCAL_ID_PREFIX) ? 'true' : undefined}>
      <h2 class="ck-sr-only">{app.strings.value.you}</h2>
      {item.quoted_text && <blockquote class="ck-user-quote">{item.quoted_text}</blockquote>}
      <div class="ck-user-bubble" dir="auto">
        {item.content.map((part, i) => [
          // Parts are separate words: "hello" then a tag reads "hello @Q2 Plan", not "hello@Q2 Plan".
          i > 0 && !/\s$/.test(item.content[i - 1]?.text ?? '') && !/^\s/.test(part.text) ? ' ' : null,
          part.type === 'input_text' ? (
            <span key={i}>{part.text}</span>
          ) : part.interactive && live ? (
            <EntityTag key={i} class="ck-tag" entity={tagEntity(part)}>
              @{part.text}
            </EntityTag>
          ) : (
            <span key={i} class="ck-tag">
              @{part.text}
            </span>
          ),
        ])}
      </div>
      {item.attachments.length > 0 && (
        <ul class="ck-user-attachments">
          {item.attachments.map((a) => (
            <li key={a.id} class="ck-attachment-chip">
              {/* The name is written beside the preview: alt="" keeps a screen reader from saying it twice. */}
              {a.type === 'image' ? <img src={a.preview_url} alt="" loading="lazy" referrerpolicy="no-referrer" /> : null}
              <span>{a.name}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
