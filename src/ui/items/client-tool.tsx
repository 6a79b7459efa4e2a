/**
 * A client tool call (CHATKIT.md §3.10): while it runs on the host page, a status line with a spinner; once
 * completed, nothing (the official UI shows none), unless its output carries an `error`, which gets a short note.
 */
import { formatString } from '../../i18n/format.ts';
import { Icon } from '../../icons/icon.tsx';
import type { ClientToolCallItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { readToolError } from './tool-error.ts';

/** One client tool call item. */
export function ClientToolCall({ item }: { item: ClientToolCallItem }) {
  const s = useModels().app.strings.value;
  if (item.status === 'pending') {
    return (
      <p class="ck-tool-call" role="status">
        <Icon name="loader" size={16} class="ck-spin" />
        <span>{formatString(s.runningTool, { name: item.name })}</span>
      </p>
    );
  }
  const error = readToolError(item.output);
  if (error === null) return null;
  return (
    <p class="ck-tool-call ck-tool-error">
      <Icon name="circle-alert" size={16} />
      <span>
        {formatString(s.toolFailed, { name: item.name })}
        {error && `: ${error}`}
      </span>
    </p>
  );
}
