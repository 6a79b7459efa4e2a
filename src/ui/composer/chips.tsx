/**
 * What the draft carries besides its text, as removable chips above the input: the selected tool (unless it is
 * a pinned toggle, which shows itself), entity tags, and attachments with their upload state (spinner while
 * uploading, with the percentage sent when known; retry and remove after a failure; a preview for images).
 */
import { formatPercent } from '../../i18n/format.ts';
import { Icon } from '../../icons/icon.tsx';
import { removeAttachment, removeTag, retryAttachment, selectTool } from '../../store/composer-extras.ts';
import type { AttachmentEntry } from '../../store/composer-model.ts';
import { useModels } from '../context.ts';

function AttachmentChip({ entry }: { entry: AttachmentEntry }) {
  const { app, composer } = useModels();
  const s = app.strings.value;
  const image = entry.attachment ? entry.attachment.type === 'image' : !!entry.preview;
  return (
    <li class="ck-chip ck-attachment" data-status={entry.status} aria-busy={entry.status === 'uploading'}>
      {entry.preview ? (
        <img src={entry.preview} alt="" referrerpolicy="no-referrer" />
      ) : (
        <Icon name={image ? 'image' : 'file'} size={18} />
      )}
      <span class="ck-chip-text">
        <span class="ck-chip-label" dir="auto">{entry.name}</span>
        {entry.status === 'uploading' && (
          <span class="ck-chip-note">
            {entry.progress === undefined ? s.uploading : `${s.uploading} ${formatPercent(entry.progress, app.locale.value.stringsLang)}`}
          </span>
        )}
        {entry.error && <span class="ck-chip-note ck-danger-text">{entry.error}</span>}
      </span>
      {entry.status === 'uploading' && <Icon name="loader" size={16} class="ck-spin" />}
      {entry.status === 'failed' && (
        <button type="button" class="ck-icon-button ck-small" aria-label={composer.lib.formatString(s.retryUpload, { name: entry.name })} onClick={() => retryAttachment(composer, entry.key)}>
          <Icon name="rotate-ccw" size={16} />
        </button>
      )}
      <button type="button" class="ck-icon-button ck-small" aria-label={composer.lib.formatString(s.removeAttachment, { name: entry.name })} onClick={() => {
          composer.focus();
          removeAttachment(composer, entry.key);
        }}>
        <Icon name="x" size={16} />
      </button>
    </li>
  );
}

/** The chips row; nothing when the draft has none. */
export function Chips() {
  const { app, composer } = useModels();
  const s = app.strings.value;
  const tool = composer.tool.value;
  const tags = composer.tags.value;
  const entries = composer.entries.value;
  if (!(tool && !tool.pinned) && !tags.length && !entries.length) return null;
  return (
    <ul class="ck-chips" aria-label={s.attachments}>
      {tool && !tool.pinned && (
        <li class="ck-chip ck-tool-chip">
          <Icon name={tool.icon} size={16} />
          <span class="ck-chip-label" dir="auto">{tool.shortLabel ?? tool.label}</span>
          <button type="button" class="ck-icon-button ck-small" aria-label={s.removeTool} onClick={() => {
              composer.focus();
              selectTool(composer, null);
            }}>
            <Icon name="x" size={14} />
          </button>
        </li>
      )}
      {tags.map((tag) => (
        <li key={`t:${tag.id}`} class="ck-chip ck-tag-chip">
          <Icon name={tag.icon ?? 'at-sign'} size={16} />
          <span class="ck-chip-label" dir="auto">{tag.title}</span>
          <button type="button" class="ck-icon-button ck-small" aria-label={composer.lib.formatString(s.removeTag, { name: tag.title })} onClick={() => {
              composer.focus();
              removeTag(composer, tag.id);
            }}>
            <Icon name="x" size={14} />
          </button>
        </li>
      ))}
      {entries.map((entry) => (
        <AttachmentChip key={entry.key} entry={entry} />
      ))}
    </ul>
  );
}
