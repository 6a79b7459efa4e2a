// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createComposerSearch, findTrigger, groupItems, readCommands, readEntities } from '../../../src/store/composer-search.ts';
import { deferred, flush, setup } from './harness.tsx';

afterEach(() => vi.useRealTimers());

const both = { mention: true, command: true };
const key = (k: string, init: KeyboardEventInit = {}) => new KeyboardEvent('keydown', { key: k, cancelable: true, ...init });

describe('findTrigger', () => {
  it('finds @ at the start or after whitespace, and / only at the very start', () => {
    expect(findTrigger('@al', 3, both)).toEqual({ kind: 'mention', start: 0, query: 'al' });
    expect(findTrigger('hi @al', 6, both)).toEqual({ kind: 'mention', start: 3, query: 'al' });
    expect(findTrigger('hi\n@', 4, both)).toEqual({ kind: 'mention', start: 3, query: '' });
    expect(findTrigger('/sum', 4, both)).toEqual({ kind: 'command', start: 0, query: 'sum' });
    expect(findTrigger('a /sum', 6, both)).toBeNull();
    expect(findTrigger('mail@example', 12, both)).toBeNull();
    expect(findTrigger('@al x', 5, both)).toBeNull();
    expect(findTrigger('@al x', 3, both)).toEqual({ kind: 'mention', start: 0, query: 'al' });
  });

  it('finds nothing for a kind that is not enabled', () => {
    expect(findTrigger('@al', 3, { mention: false, command: true })).toBeNull();
    expect(findTrigger('/x', 2, { mention: true, command: false })).toBeNull();
  });
});

describe('reading host answers', () => {
  it('keeps well-formed entities and drops stray fields and malformed entries', () => {
    const hostile = [
      { id: 'a', title: 'Alice', icon: 'user', group: 'People', data: { k: 'v' }, interactive: true, onclick: 'x' },
      { id: 'b', title: 'Bob', group: 7, icon: { evil: true }, interactive: 'yes', data: 'str' },
      { id: 3, title: 'No id' },
      { id: 'c' },
      null,
      'string',
    ];
    expect(readEntities(hostile)).toEqual([
      { id: 'a', title: 'Alice', icon: 'user', group: 'People', data: { k: 'v' }, interactive: true },
      { id: 'b', title: 'Bob' },
    ]);
    expect(readEntities({ id: 'a', title: 'x' })).toEqual([]);
    expect(readEntities(undefined)).toEqual([]);
  });

  it('keeps well-formed commands', () => {
    expect(readCommands([{ id: 's', label: 'Summarize', description: 'Short', icon: 'sparkle', group: 'Write', extra: 1 }, { id: 'x', label: 2 }])).toEqual([
      { id: 's', label: 'Summarize', description: 'Short', icon: 'sparkle', group: 'Write' },
    ]);
  });

  it('groups by first appearance, ungrouped first, keeping order within a group', () => {
    const items = [{ id: '1', group: 'B' }, { id: '2' }, { id: '3', group: 'A' }, { id: '4', group: 'B' }, { id: '5' }];
    expect(groupItems(items).map((i) => i.id)).toEqual(['2', '5', '1', '4', '3']);
  });
});

describe('mentions', () => {
  const people = [
    { id: 'u1', title: 'Alice', group: 'People' },
    { id: 'u2', title: 'Alan' },
  ];

  it('searches after the debounce, with the query only, and shows loading then the results', async () => {
    vi.useFakeTimers();
    const onTagSearch = vi.fn(async () => people);
    const t = setup({ entities: { onTagSearch } });
    const search = createComposerSearch(t.composer);
    search.update('hi @a', 5);
    search.update('hi @al', 6);
    expect(search.state.value).toMatchObject({ kind: 'mention', start: 3, query: 'al', status: 'loading', items: [] });
    expect(onTagSearch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(150);
    expect(onTagSearch.mock.calls).toEqual([['al']]);
    expect(search.state.value).toMatchObject({ status: 'ready', active: 0, items: [{ id: 'u2', title: 'Alan' }, { id: 'u1', title: 'Alice', group: 'People' }] });
  });

  it('shows only the latest search when an earlier one answers late', async () => {
    const slow = deferred<unknown>();
    const fast = deferred<unknown>();
    const onTagSearch = vi.fn((q: string) => (q === 'a' ? slow.promise : fast.promise));
    const t = setup({ entities: { onTagSearch } });
    const search = createComposerSearch(t.composer, 0);
    search.update('@a', 2);
    await flush();
    search.update('@al', 3);
    await flush();
    fast.resolve([{ id: 'u2', title: 'Alan' }]);
    await flush();
    slow.resolve([{ id: 'stale', title: 'Stale' }]);
    await flush();
    expect(search.state.value?.items).toEqual([{ id: 'u2', title: 'Alan' }]);
  });

  it('shows an inline error when the host function rejects or throws, and keeps working', async () => {
    let fail = true;
    const onTagSearch = vi.fn(async () => {
      if (fail) throw new Error('index offline');
      return people;
    });
    const t = setup({ entities: { onTagSearch } });
    const search = createComposerSearch(t.composer, 0);
    search.update('@x', 2);
    await flush();
    expect(search.state.value).toMatchObject({ status: 'error', items: [] });
    expect(t.errors()).toEqual(['entities.onTagSearch failed: index offline']);
    fail = false;
    search.update('@xy', 3);
    await flush();
    expect(search.state.value).toMatchObject({ status: 'ready', query: 'xy' });
    expect(search.state.value?.items).toHaveLength(2);
  });

  it('treats a non-array answer as no results', async () => {
    const t = setup({ entities: { onTagSearch: async () => ({ nope: true }) } });
    const search = createComposerSearch(t.composer, 0);
    search.update('@q', 2);
    await flush();
    expect(search.state.value).toMatchObject({ status: 'ready', items: [] });
  });

  it('moves with the arrows (wrapping), picks with Enter: removes "@query" and adds the tag', async () => {
    const t = setup({ entities: { onTagSearch: async () => people } });
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = 'ask @al now';
    search.update('ask @al now', 7);
    await flush();
    const down = key('ArrowDown');
    expect(search.onKeyDown(down)).toBe(true);
    expect(down.defaultPrevented).toBe(true);
    expect(search.state.value?.active).toBe(1);
    search.onKeyDown(key('ArrowDown'));
    expect(search.state.value?.active).toBe(0);
    search.onKeyDown(key('ArrowUp'));
    expect(search.state.value?.active).toBe(1);
    expect(search.onKeyDown(key('Enter'))).toBe(true);
    await flush();
    expect(t.composer.text.value).toBe('ask now');
    expect(t.composer.tags.value).toEqual([{ id: 'u1', title: 'Alice', group: 'People', at: 4 }]);
    expect(search.state.value).toBeNull();
  });

  it('does not add the same entity twice', async () => {
    const t = setup({ entities: { onTagSearch: async () => people } });
    const search = createComposerSearch(t.composer, 0);
    for (const text of ['@a', '@a']) {
      t.composer.text.value = text;
      search.update(text, 2);
      await flush();
      search.onKeyDown(key('Tab'));
      await flush();
    }
    expect(t.composer.tags.value.map((x) => x.id)).toEqual(['u2']);
  });

  it('closes on Escape (preventing the panel from closing) and stays closed for that "@" until it goes away', async () => {
    const onTagSearch = vi.fn(async () => people);
    const t = setup({ entities: { onTagSearch } });
    const search = createComposerSearch(t.composer, 0);
    search.update('@al', 3);
    await flush();
    const esc = key('Escape');
    expect(search.onKeyDown(esc)).toBe(true);
    expect(esc.defaultPrevented).toBe(true);
    expect(search.state.value).toBeNull();
    search.update('@ali', 4);
    expect(search.state.value).toBeNull();
    search.update('', 0);
    search.update('@b', 2);
    expect(search.state.value).toMatchObject({ query: 'b' });
  });

  it('lets Enter through when nothing matched, swallows it while loading, and ignores keys while composing', async () => {
    const answer = deferred<unknown>();
    const t = setup({ entities: { onTagSearch: () => answer.promise } });
    const search = createComposerSearch(t.composer, 0);
    search.update('@zz', 3);
    const waiting = key('Enter');
    expect(search.onKeyDown(waiting)).toBe(true);
    expect(waiting.defaultPrevented).toBe(true);
    expect(search.onKeyDown(key('Tab'))).toBe(false);
    answer.resolve([]);
    await flush();
    expect(search.state.value).toMatchObject({ status: 'ready', items: [] });
    expect(search.onKeyDown(key('Enter'))).toBe(false);
    expect(search.onKeyDown(key('ArrowDown'))).toBe(false);
    expect(search.onKeyDown(key('Escape', { isComposing: true }))).toBe(false);
  });

  it('does nothing without onTagSearch', () => {
    const t = setup();
    const search = createComposerSearch(t.composer, 0);
    search.update('@al', 3);
    expect(search.state.value).toBeNull();
  });
});

describe('commands', () => {
  const commands = [
    { id: 'tr', label: 'Translate', group: 'Write', icon: 'globe' },
    { id: 'sum', label: 'Summarize', description: 'Make it short', group: 'Write' },
    { id: 'help', label: 'Help' },
  ];

  it('opens only for "/" at the start, grouped, ungrouped first', async () => {
    const onSearch = vi.fn(async () => commands);
    const t = setup({ commands: { enabled: true, onSearch } });
    const search = createComposerSearch(t.composer, 0);
    search.update('/s', 2);
    await flush();
    expect(onSearch.mock.calls).toEqual([['s']]);
    expect(search.state.value?.items.map((c) => c.id)).toEqual(['help', 'tr', 'sum']);
  });

  it('stays closed when commands are disabled, or have neither onSearch nor a built-in action that applies', () => {
    for (const commandsOption of [{ enabled: false, onSearch: async () => commands }, { enabled: true }]) {
      const t = setup({ commands: commandsOption });
      const search = createComposerSearch(t.composer, 0);
      search.update('/s', 2);
      expect(search.state.value).toBeNull();
    }
  });

  it('inserts the entity an onSelect answers with, removing "/query"', async () => {
    const onSelect = vi.fn(async () => ({ type: 'entity', entity: { id: 'doc', title: 'Spec', icon: 'file' } }));
    const t = setup({ commands: { enabled: true, onSearch: async () => commands, onSelect } });
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = '/sum please';
    search.update('/sum please', 4);
    await flush();
    await search.pick(2);
    expect(onSelect.mock.calls).toEqual([[{ id: 'sum', label: 'Summarize', description: 'Make it short', group: 'Write' }]]);
    expect(t.composer.text.value).toBe('please');
    expect(t.composer.tags.value).toEqual([{ id: 'doc', title: 'Spec', icon: 'file', at: 0 }]);
    expect(search.state.value).toBeNull();
  });

  it('shows the sub-menu an onSelect answers with, and picks from it', async () => {
    const sub = [{ id: 'fr', label: 'French' }, { id: 'de', label: 'German' }];
    const onSelect = vi.fn(async (c: { id: string }) => (c.id === 'tr' ? { type: 'menu', commands: sub } : undefined));
    const t = setup({ commands: { enabled: true, onSearch: async () => commands, onSelect } });
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = '/tr';
    search.update('/tr', 3);
    await flush();
    await search.pick(1);
    expect(search.state.value).toMatchObject({ submenu: true, status: 'ready', active: 0, items: sub });
    expect(t.composer.text.value).toBe('/tr');
    search.onKeyDown(key('ArrowDown'));
    search.onKeyDown(key('Enter'));
    await flush();
    expect(onSelect.mock.calls.map(([c]) => c.id)).toEqual(['tr', 'de']);
    expect([t.composer.text.value, t.composer.tags.value, search.state.value]).toEqual(['', [], null]);
  });

  it('closes and clears "/query" when onSelect answers nothing (a side effect), or when there is no onSelect', async () => {
    for (const onSelect of [async () => undefined, undefined]) {
      const t = setup({ commands: { enabled: true, onSearch: async () => commands, ...(onSelect ? { onSelect } : {}) } });
      const search = createComposerSearch(t.composer, 0);
      t.composer.text.value = '/he';
      search.update('/he', 3);
      await flush();
      await search.pick(0);
      expect([t.composer.text.value, search.state.value]).toEqual(['', null]);
    }
  });

  it('shows an inline error when onSelect fails, keeping the text', async () => {
    const t = setup({ commands: { enabled: true, onSearch: async () => commands, onSelect: async () => Promise.reject(new Error('boom')) } });
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = '/he';
    search.update('/he', 3);
    await flush();
    await search.pick(0);
    expect(search.state.value).toMatchObject({ status: 'error' });
    expect(t.composer.text.value).toBe('/he');
    expect(t.errors()).toEqual(['commands.onSelect failed: boom']);
  });

  it('offers the composer’s own actions, as ChatKit’s "/" menu does, after the host’s commands and filtered by the query', async () => {
    const onSelect = vi.fn(async () => undefined);
    const t = setup({
      api: { uploadStrategy: { type: 'direct', uploadUrl: '/upload' } },
      composer: { attachments: { enabled: true }, tools: [{ id: 'search', label: 'Search the web', icon: 'globe' }] },
      entities: { onTagSearch: async () => [{ id: 'ada', title: 'Ada' }] },
      commands: { enabled: true, onSelect },
    });
    const search = createComposerSearch(t.composer, 0);
    search.update('/', 1);
    await flush();
    expect(search.state.value?.items.map((c) => [('label' in c ? c.label : ''), c.group])).toEqual([
      ['Search the web', 'Composer'],
      ['Attach file', 'Composer'],
      ['Mention', 'Composer'],
    ]);
    t.composer.text.value = '/sea';
    search.update('/sea', 4);
    await flush();
    expect(search.state.value?.items.map((c) => ('label' in c ? c.label : ''))).toEqual(['Search the web']);
    await search.pick(0);
    expect([t.composer.tool.value?.id, t.composer.text.value, search.state.value, onSelect.mock.calls.length]).toEqual(['search', '', null, 0]);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }]);
  });

  it('attach opens the toolbar’s file picker; mention starts an @-search', async () => {
    const onTagSearch = vi.fn(async () => [{ id: 'ada', title: 'Ada' }]);
    const t = setup({
      api: { uploadStrategy: { type: 'direct', uploadUrl: '/upload' } },
      composer: { attachments: { enabled: true } },
      entities: { onTagSearch },
      commands: { enabled: true },
    });
    const form = document.createElement('form');
    const input = document.createElement('textarea');
    const picker = Object.assign(document.createElement('input'), { type: 'file' });
    const opened = vi.fn();
    picker.addEventListener('click', (e) => {
      e.preventDefault();
      opened();
    });
    form.append(input, picker);
    document.body.append(form);
    t.composer.register(input);
    const search = createComposerSearch(t.composer, 0);
    t.composer.text.value = input.value = '/att';
    search.update('/att', 4);
    await flush();
    await search.pick(0);
    expect([opened.mock.calls.length, t.composer.text.value]).toEqual([1, '']);
    t.composer.text.value = input.value = '/men';
    search.update('/men', 4);
    await flush();
    await search.pick(0);
    await flush();
    expect([t.composer.text.value, search.state.value?.kind, onTagSearch.mock.calls]).toEqual(['@', 'mention', [['']]]);
    form.remove();
  });
});
