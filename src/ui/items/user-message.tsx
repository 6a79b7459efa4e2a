/** A user message: quoted text, the message (text and entity tags; never rendered as Markdown), attachments. */
import type { Entity } from '../../config/types.ts';
import type { UserMessageTagContent } from '../../protocol/content.ts';
import type { UserMessageItem } from '../../protocol/items.ts';
import type { Attachment } from '../../protocol/attachments.ts';
import { GuardedImage } from '../../markdown/guarded-image.tsx';
import { LOCAL_ID_PREFIX } from '../../store/apply-stream-event.ts';
import { useModels } from '../context.ts';
import { useMarkdown, type MarkdownSetup } from '../use-markdown.ts';
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
  const md = useMarkdown();
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
              {a.type === 'image' && <Preview attachment={a} md={md} />}
              <span>{a.name}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * An image attachment's preview, under the Markdown image policy: web schemes only (no `javascript:`, `file:`,
 * SVG data), and hosts outside the thread's `allowed_image_domains` load only when the user asks.
 */
function Preview({ attachment, md }: { attachment: Attachment & { type: 'image' }; md: MarkdownSetup }) {
  const image = md.policy.image(attachment.preview_url);
  // The name is written beside the preview: alt="" keeps a screen reader from saying it twice.
  return image && <GuardedImage key={image.src} src={image.src} alt="" blocked={image.blocked} loadLabel={md.strings.loadImage(image.host)} />;
}
