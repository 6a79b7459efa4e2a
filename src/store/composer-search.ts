/**
 * The composer's suggestion list: `@query` searches entities (`entities.onTagSearch`) and `/query` at the start
 * of the input searches commands (`commands.onSearch`) and, as in ChatKit, the composer's own applicable actions
 * (a tool, attach files, mention; see `builtinCommands`). Searches are debounced and only the latest one is
 * shown; host functions run on the host page, so their answers are checked here and their failures become an
 * inline error, never a broken composer. A command's `onSelect` may answer with an entity (inserted as a tag)
 * or a sub-menu. Longer than most modules because mentions, host commands and built-in commands share one
 * state machine (debounce, stale answers, keys, picking); split, each part would need all of it.
 */
import type { ResolvedOptions } from '../config/resolved.ts';
import type { Command, Entity } from '../config/types.ts';
import type { Strings } from '../i18n/en.ts';
import type { ComposerModel } from './composer-model.ts';
import { addTag, insertText, selectTool } from './composer-value.ts';
import { canAttach } from './uploads.ts';

/** Where a trigger sits in the text: `@` (mention) or a leading `/` (command), and what follows it. */
export interface Trigger {
  kind: 'mention' | 'command';
  start: number;
  query: string;
}

/** The open suggestion list. */
export interface SearchState extends Trigger {
  status: 'loading' | 'ready' | 'error';
  /** Entities (mention) or commands, in display order (grouped by `group`). */
  items: readonly (Entity | Command)[];
  active: number;
  /** A sub-menu from `onSelect`, shown instead of search results. */
  submenu: boolean;
}

/** Results beyond this many are not shown. */
const MAX_ITEMS = 50;

/** The trigger the caret is in: `@` at the start or after a space, or `/` at the very start; no spaces after it. */
export function findTrigger(text: string, caret: number, kinds: { mention: boolean; command: boolean }): Trigger | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)([@/])(\S*)$/.exec(before);
  if (!match) return null;
  const start = match.index + (match[1] ?? '').length;
  const kind = match[2] === '@' ? 'mention' : 'command';
  if (kind === 'mention' ? !kinds.mention : !kinds.command || start !== 0) return null;
  return { kind, start, query: match[3] ?? '' };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `key` of `from` when it is a string, as a spread. */
const str = (from: Record<string, unknown>, key: string): Record<string, string> => (isString(from[key]) ? { [key]: from[key] } : {});

/** The well-formed entities of a host answer, with stray fields dropped (others are dropped entirely). */
export function readEntities(value: unknown): Entity[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e: unknown): Entity[] =>
    isObject(e) && isString(e.id) && isString(e.title)
      ? [{ id: e.id, title: e.title, ...str(e, 'icon'), ...str(e, 'group'), ...(e.interactive === true ? { interactive: true } : {}), ...(isObject(e.data) ? { data: e.data as Record<string, string> } : {}) }]
      : [],
  );
}

/** The well-formed commands of a host answer, with stray fields dropped (others are dropped entirely). */
export function readCommands(value: unknown): Command[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c: unknown): Command[] =>
    isObject(c) && isString(c.id) && isString(c.label) ? [{ id: c.id, label: c.label, ...str(c, 'icon'), ...str(c, 'group'), ...str(c, 'description') }] : [],
  );
}

/** Items in display order: grouped by `group` in order of first appearance, ungrouped first. */
export function groupItems<T extends { group?: string }>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items.slice(0, MAX_ITEMS)) {
    const key = item.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const ungrouped = groups.get('') ?? [];
  groups.delete('');
  return [...ungrouped, ...[...groups.values()].flat()];
}

/** Ids of built-in commands start with this, which `onSelect` never sees. */
const BUILTIN = '\u0000builtin:';

/**
 * The composer actions the "/" menu offers besides the host's commands, under one group: each composer tool
 * (selects it), attach files (when uploads are possible), mention (when `entities.onTagSearch` is set).
 */
export function builtinCommands(o: ResolvedOptions, s: Strings): Command[] {
  const own = (id: string, label: string, icon: string): Command => ({ id: BUILTIN + id, label, icon: icon as Command['icon'], group: s.composerActions });
  return [
    ...o.composer.tools.map((t) => own(`tool:${t.id}`, t.label, t.icon)),
    ...(canAttach(o) ? [own('attach', s.attachFile, 'paperclip')] : []),
    ...(o.entities.onTagSearch ? [own('mention', s.mention, 'at-sign')] : []),
  ];
}

/** Creates the suggestion list for a composer (its state is `composer.suggest`); `delayMs` is the search debounce. */
export function createComposerSearch(composer: ComposerModel, delayMs = 150) {
  const { app, suggest: state } = composer;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** `kind:start` of a list closed with Escape: it stays closed until that trigger goes away. */
  let dismissed: string | null = null;

  const set = (patch: Partial<SearchState>): void => {
    const current = state.peek();
    if (current) state.value = { ...current, ...patch };
  };
  const failed = (name: string, e: unknown): void => {
    set({ status: 'error', items: [] });
    app.reportError(new Error(`${name} failed: ${e instanceof Error ? e.message : String(e)}`));
  };

  function search(trigger: Trigger): void {
    const mine = ++seq;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const o = app.options.peek();
      const call: ((query: string) => unknown) | undefined = trigger.kind === 'mention' ? o.entities.onTagSearch : o.commands.onSearch;
      Promise.resolve()
        .then((): unknown => call?.(trigger.query))
        .then(
          (answer) => {
            if (mine !== seq) return;
            const q = trigger.query.toLowerCase();
            const own = trigger.kind === 'command' ? builtinCommands(app.options.peek(), app.strings.peek()).filter((c) => c.label.toLowerCase().includes(q)) : [];
            const items = trigger.kind === 'mention' ? readEntities(answer) : [...readCommands(answer), ...own];
            set({ status: 'ready', items: groupItems<Entity | Command>(items), active: 0 });
          },
          (e: unknown) => mine === seq && failed(trigger.kind === 'mention' ? 'entities.onTagSearch' : 'commands.onSearch', e),
        );
    }, delayMs);
  }

  /** Re-reads the trigger at the caret after the text or the caret changed. */
  function update(text: string, caret: number): void {
    const o = app.options.peek();
    const command = o.commands.enabled && (!!o.commands.onSearch || builtinCommands(o, app.strings.peek()).length > 0);
    const trigger = findTrigger(text, caret, { mention: !!o.entities.onTagSearch, command });
    const key = trigger && `${trigger.kind}:${trigger.start}`;
    if (key !== dismissed) dismissed = null;
    const current = state.peek();
    if (!trigger || key === dismissed) return close(false);
    if (current && current.kind === trigger.kind && current.start === trigger.start && current.query === trigger.query) return;
    state.value = { ...trigger, status: 'loading', items: current?.kind === trigger.kind && !current.submenu ? current.items : [], active: 0, submenu: false };
    search(trigger);
  }

  /** Closes the list; `dismiss` keeps it closed while the caret stays in the same trigger. */
  function close(dismiss = true): void {
    const current = state.peek();
    if (dismiss && current) dismissed = `${current.kind}:${current.start}`;
    seq++;
    clearTimeout(timer);
    state.value = null;
  }

  /** Moves the highlighted item by `delta`, wrapping around. */
  function move(delta: number): void {
    const current = state.peek();
    if (!current?.items.length) return;
    const n = current.items.length;
    set({ active: (((current.active + delta) % n) + n) % n });
  }

  /** Removes the trigger text (`@query`, `/query`) and puts the caret where it was. */
  function removeTrigger(trigger: Trigger): void {
    const text = composer.text.peek();
    let rest = text.slice(trigger.start + 1 + trigger.query.length);
    // "a @jo b" → "a b", not "a  b".
    if (!/\S/.test(text[trigger.start - 1] ?? ' ') && rest.startsWith(' ')) rest = rest.slice(1);
    composer.text.value = text.slice(0, trigger.start) + rest;
    const input = composer.input();
    if (input) {
      input.value = composer.text.peek();
      input.setSelectionRange(trigger.start, trigger.start);
    }
  }

  /** Picks item `index` (default: the highlighted one). */
  async function pick(index?: number): Promise<void> {
    const current = state.peek();
    const item = current?.items[index ?? current.active];
    if (!current || !item) return;
    if (current.kind === 'mention') {
      removeTrigger(current);
      addTag(composer, item as Entity, current.start);
      return close(false);
    }
    if (item.id.startsWith(BUILTIN)) {
      removeTrigger(current);
      close(false);
      return runBuiltin(item.id.slice(BUILTIN.length));
    }
    const onSelect = app.options.peek().commands.onSelect;
    const mine = ++seq;
    set({ status: 'loading' });
    let answer: unknown;
    try {
      answer = await onSelect?.(item as Command);
    } catch (e) {
      if (mine === seq) failed('commands.onSelect', e);
      return;
    }
    if (mine !== seq) return;
    const selection = isObject(answer) ? answer : {};
    if (selection.type === 'menu') {
      set({ status: 'ready', items: groupItems(readCommands(selection.commands)), active: 0, submenu: true });
      return;
    }
    removeTrigger(current);
    const entity = readEntities([selection.entity])[0];
    if (selection.type === 'entity' && entity) addTag(composer, entity, current.start);
    close(false);
  }

  /** Runs a built-in command (its id without the prefix). */
  function runBuiltin(id: string): void {
    if (id.startsWith('tool:')) return selectTool(composer, id.slice(5));
    if (id === 'mention') {
      composer.input()?.focus();
      insertText(composer, '@');
      const input = composer.input();
      return update(composer.text.peek(), input ? input.selectionStart : composer.text.peek().length);
    }
    // Attach: the toolbar's own file picker (shown whenever uploads are possible), opened within the key press or
    // click that chose the command, as a picker needs a user gesture.
    composer.input()?.form?.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  /** Keyboard handling while the list is open; true when the key was used. */
  function onKeyDown(e: KeyboardEvent): boolean {
    const current = state.peek();
    if (!current || e.isComposing) return false;
    const ready = current.status === 'ready' && current.items.length > 0;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!ready) return false;
      move(e.key === 'ArrowDown' ? 1 : -1);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
      // Enter before the results arrive would send "@que" half-typed: wait for the list instead.
      if (ready) void pick();
      else if (e.key === 'Tab' || current.status !== 'loading') return false;
    } else if (e.key === 'Escape') close();
    else return false;
    e.preventDefault();
    return true;
  }

  return { state, update, close, move, pick, onKeyDown, dispose: () => close(false) };
}

/** The suggestion list of one composer. */
export type ComposerSearch = ReturnType<typeof createComposerSearch>;
