/**
 * The suggestion listbox above the input (mentions and commands). Focus stays in the textarea, which points at
 * the highlighted option with `aria-activedescendant`; options are grouped under their `group` heading.
 * Pointer users click an option (mousedown is cancelled so the textarea keeps focus and its caret).
 */
import { Icon } from '../../icons/icon.tsx';
import type { Command, Entity } from '../../config/types.ts';
import type { ComposerSearch } from '../../store/composer-search.ts';
import { useModels } from '../context.ts';

/** The id of option `index` in list `id`. */
export const optionId = (id: string, index: number): string => `${id}-${index}`;

const labelOf = (item: Entity | Command): string => ('title' in item ? item.title : item.label);

/** The listbox; nothing while closed. */
export function Suggestions({ search, id }: { search: ComposerSearch; id: string }) {
  const { app } = useModels();
  const s = app.strings.value;
  const state = search.state.value;
  if (!state) return null;
  const label = state.kind === 'mention' ? s.mention : s.commands;
  const status = state.status === 'error' ? s.searchFailed : state.status === 'loading' && !state.items.length ? s.loading : state.items.length ? '' : s.noResults;
  const option = (item: Entity | Command, i: number) => {
    const icon = item.icon ?? (state.kind === 'mention' ? 'at-sign' : undefined);
    const description = 'description' in item ? item.description : undefined;
    return (
      <div
        key={i}
        id={optionId(id, i)}
        role="option"
        class="ck-suggest-option"
        aria-selected={i === state.active}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => void search.pick(i)}
      >
        {icon && <Icon name={icon} size={18} />}
        <span class="ck-menu-text">
          <span dir="auto">{labelOf(item)}</span>
          {description && <span class="ck-menu-description" dir="auto">{description}</span>}
        </span>
      </div>
    );
  };
  // Items arrive grouped (ungrouped first); each run of one group becomes a labelled role="group".
  const runs: { group?: string; first: number; items: (Entity | Command)[] }[] = [];
  state.items.forEach((item, i) => {
    const last = runs.at(-1);
    if (last && last.group === item.group) last.items.push(item);
    else runs.push({ group: item.group, first: i, items: [item] });
  });
  const rows = runs.flatMap(({ group, first, items }) => {
    const options = items.map((item, j) => option(item, first + j));
    if (!group) return options;
    const heading = `${id}-g${first}`;
    return [
      <div key={heading} role="group" aria-labelledby={heading}>
        <div id={heading} class="ck-suggest-group">
          {group}
        </div>
        {options}
      </div>,
    ];
  });
  return (
    <div class="ck-suggest" data-status={state.status}>
      <div id={id} role="listbox" aria-label={label} aria-busy={state.status === 'loading'}>
        {rows}
      </div>
      {status && (
        <p class="ck-suggest-status" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
