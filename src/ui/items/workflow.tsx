/**
 * A workflow (custom or reasoning): a header button that expands or collapses its task list. The header is the
 * workflow's summary ("Thought for 3s", or a custom title and icon), a live "Thinking…"/"Working…" while it runs,
 * or the number of steps. `expanded` from the server sets the state until the reader toggles it.
 */
import { useId, useState } from 'preact/hooks';
import { formatPlural, formatString } from '../../i18n/format.ts';
import { Icon } from '../../icons/icon.tsx';
import type { WorkflowItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { TaskView } from './task.tsx';

/** One workflow item. */
export function WorkflowView({ item, pending }: { item: WorkflowItem; pending: boolean }) {
  const { app } = useModels();
  const s = app.strings.value;
  const { workflow } = item;
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? workflow.expanded;
  const id = useId();
  const summary = workflow.summary;
  let icon: string | null = null;
  let label: string;
  if (summary && 'title' in summary) {
    label = summary.title;
    icon = summary.icon ?? null;
  } else if (summary) {
    label = formatString(s.thoughtFor, { seconds: Math.max(0, Math.round(summary.duration)) });
  } else if (pending) {
    label = workflow.type === 'reasoning' ? s.thinking : s.working;
  } else {
    label = formatPlural(s.steps, workflow.tasks.length, app.locale.value.stringsLang);
  }
  const live = pending && !summary;
  return (
    <div class="ck-workflow" data-type={workflow.type}>
      <button type="button" class="ck-workflow-head" aria-expanded={open} aria-controls={id} onClick={() => setToggled(!open)}>
        {live ? <Icon name="loader" size={16} class="ck-spin" /> : icon && <Icon name={icon} size={16} />}
        <span class="ck-workflow-label">{label}</span>
        <Icon name="chevron-down" size={16} class="ck-workflow-chevron" />
      </button>
      <ol id={id} class="ck-workflow-tasks" hidden={!open}>
        {workflow.tasks.map((task, i) => (
          <li key={i}>
            <TaskView task={task} streaming={pending} />
          </li>
        ))}
      </ol>
    </div>
  );
}
