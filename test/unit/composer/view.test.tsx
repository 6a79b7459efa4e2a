// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { API_URL, click, file, flush, json, mount, press, setup, type, type Mounted } from './harness.tsx';

let m: Mounted | undefined;
afterEach(() => {
  m?.unmount();
  m = undefined;
});

const tools = [
  { id: 'search', label: 'Search the web', shortLabel: 'Search', icon: 'search', placeholderOverride: 'Search for…' },
  { id: 'write', label: 'Write', icon: 'pencil' },
  { id: 'pin', label: 'Deep research', shortLabel: 'Research', icon: 'info', pinned: true },
];
const models = [
  { id: 'fast', label: 'Fast', description: 'Quick answers' },
  { id: 'smart', label: 'Smart', default: true },
  { id: 'old', label: 'Old', disabled: true },
];
const names = (els: Element[]) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent);

describe('the plain composer', () => {
  it('loads no optional parts when no option asks for them', async () => {
    const t = setup();
    m = await mount(t.models);
    await flush();
    expect([m.$$('.ck-toolbar').length, m.$('.ck-composer-row').hasAttribute('data-rich'), names(m.$$('button'))]).toEqual([0, false, ['Send message']]);
  });
});

describe('the tool menu', () => {
  it('opens a menu of radio items from "+", moves with the arrows and closes on Escape without closing the panel', async () => {
    const t = setup({ composer: { tools } });
    m = await mount(t.models);
    const plus = m.$<HTMLButtonElement>('button[aria-label="Tools"]');
    expect([plus.getAttribute('aria-haspopup'), plus.getAttribute('aria-expanded')]).toEqual(['menu', 'false']);
    click(plus);
    const menu = m.$('[role="menu"]');
    const items = m.$$<HTMLButtonElement>('[role="menuitemradio"]');
    expect([menu.getAttribute('aria-label'), plus.getAttribute('aria-expanded'), plus.getAttribute('aria-controls') === menu.id]).toEqual(['Tools', 'true', true]);
    expect(items.map((i) => [i.textContent, i.getAttribute('aria-checked')])).toEqual([
      ['Search the web', 'false'],
      ['Write', 'false'],
    ]);
    expect(document.activeElement).toBe(items[0]);
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(m.$$('[role="menuitemradio"]')[1]);
    press(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(m.$$('[role="menuitemradio"]')[0]);
    press(document.activeElement!, 'End');
    expect(document.activeElement).toBe(m.$$('[role="menuitemradio"]')[1]);
    const escape = press(document.activeElement!, 'Escape');
    expect([escape.defaultPrevented, m.$$('[role="menu"]').length, document.activeElement]).toEqual([true, 0, plus]);
    expect(t.toolEvents()).toEqual([]);
  });

  it('selects with Enter: a removable chip, the placeholder override, and chatkit.tool.change', async () => {
    const t = setup({ composer: { tools } });
    m = await mount(t.models);
    const plus = m.$('button[aria-label="Tools"]');
    press(plus, 'ArrowDown');
    click(document.activeElement!);
    expect(m.$$('[role="menu"]').length).toBe(0);
    expect(m.$('.ck-tool-chip').textContent).toBe('Search');
    expect([m.input.placeholder, m.input.getAttribute('aria-label')]).toEqual(['Search for…', 'Search for…']);
    expect(t.toolEvents()).toEqual([{ toolId: 'search' }]);
    click(plus);
    expect(m.$$('[role="menuitemradio"]').map((i) => i.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    expect(document.activeElement).toBe(m.$$('[role="menuitemradio"]')[0]);
    press(document.activeElement!, 'Escape');
    click(m.$('button[aria-label="Remove tool"]'));
    expect([m.$$('.ck-tool-chip').length, m.input.placeholder, t.toolEvents()]).toEqual([0, 'Message the AI', [{ toolId: 'search' }, { toolId: null }]]);
  });

  it('shows pinned tools as toggle buttons outside the menu', async () => {
    const t = setup({ composer: { tools } });
    m = await mount(t.models);
    const pin = m.$$<HTMLButtonElement>('.ck-pill[aria-pressed]')[0]!;
    expect([pin.textContent, pin.getAttribute('aria-pressed')]).toEqual(['Research', 'false']);
    click(pin);
    expect(m.$('.ck-pill[aria-pressed]').getAttribute('aria-pressed')).toBe('true');
    expect(m.$$('.ck-tool-chip').length).toBe(0);
    click(m.$('.ck-pill[aria-pressed]'));
    expect(t.toolEvents()).toEqual([{ toolId: 'pin' }, { toolId: null }]);
  });

  it('closes the menu on a click outside', async () => {
    const t = setup({ composer: { tools } });
    m = await mount(t.models);
    click(m.$('button[aria-label="Tools"]'));
    act(() => void document.body.dispatchEvent(new Event('pointerdown', { bubbles: true })));
    expect(m.$$('[role="menu"]').length).toBe(0);
  });
});

describe('the model picker', () => {
  it('shows the default model, descriptions, disabled entries, and switches model', async () => {
    const t = setup({ composer: { models } });
    m = await mount(t.models);
    const picker = m.$('button[aria-haspopup="menu"]');
    expect([picker.textContent, picker.getAttribute('aria-label')]).toEqual(['Smart', 'Model: Smart']);
    click(picker);
    const items = m.$$<HTMLButtonElement>('[role="menuitemradio"]');
    expect(items.map((i) => [i.textContent, i.getAttribute('aria-checked'), i.disabled])).toEqual([
      ['FastQuick answers', 'false', false],
      ['Smart', 'true', false],
      ['Old', 'false', true],
    ]);
    expect(document.activeElement).toBe(items[1]);
    press(items[1]!, 'ArrowDown');
    expect(document.activeElement).toBe(items[0]);
    click(items[2]!);
    expect(m.$$('[role="menu"]').length).toBe(1);
    click(items[0]!);
    expect(m.$('button[aria-haspopup="menu"]').textContent).toBe('Fast');
    expect(t.composer.model.value?.id).toBe('fast');
  });
});

describe('mentions', () => {
  const people = [
    { id: 'u1', title: 'Alice', group: 'People', icon: 'user' },
    { id: 'u2', title: 'Alan', group: 'People' },
  ];

  it('lists results for "@query", follows the arrows with aria-activedescendant, and Enter inserts a tag chip', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onTagSearch = vi.fn(async () => people);
    const t = setup({ entities: { onTagSearch } });
    const mounting = mount(t.models);
    await vi.runAllTimersAsync();
    m = await mounting;
    type(m.input, 'ask @al');
    expect(m.$('.ck-suggest-status').textContent).toBe('Loading…');
    await act(async () => void (await vi.advanceTimersByTimeAsync(150)));
    vi.useRealTimers();
    const list = m.$('[role="listbox"]');
    expect([list.getAttribute('aria-label'), m.input.getAttribute('aria-controls') === list.id]).toEqual(['Mention', true]);
    expect(m.$$('[role="group"]').map((g) => g.querySelector('.ck-suggest-group')?.textContent)).toEqual(['People']);
    expect(m.$$('[role="option"]').map((o) => [o.textContent, o.getAttribute('aria-selected')])).toEqual([
      ['Alice', 'true'],
      ['Alan', 'false'],
    ]);
    expect(m.input.getAttribute('aria-activedescendant')).toBe(m.$$('[role="option"]')[0]!.id);
    press(m.input, 'ArrowDown');
    expect(m.input.getAttribute('aria-activedescendant')).toBe(m.$$('[role="option"]')[1]!.id);
    const enter = press(m.input, 'Enter');
    await flush();
    expect(enter.defaultPrevented).toBe(true);
    expect(t.requests).toEqual([]);
    expect([m.input.value, m.$('.ck-tag-chip').textContent, m.$$('[role="listbox"]').length]).toEqual(['ask ', 'Alan', 0]);
    click(m.$('button[aria-label="Remove Alan"]'));
    expect(m.$$('.ck-tag-chip').length).toBe(0);
  });

  it('Escape closes the list without closing the panel', async () => {
    const t = setup({ entities: { onTagSearch: async () => people } });
    m = await mount(t.models);
    type(m.input, '@a');
    await vi.waitFor(() => expect(m!.$$('[role="option"]').length).toBe(2));
    const escape = press(m.input, 'Escape');
    expect([escape.defaultPrevented, m.$$('[role="listbox"]').length]).toEqual([true, 0]);
  });

  it('shows "No results" and the inline error of a failing host function', async () => {
    let answer: () => Promise<unknown> = async () => [];
    const t = setup({ entities: { onTagSearch: () => answer() } });
    m = await mount(t.models);
    type(m.input, '@zz');
    await vi.waitFor(() => expect(m!.$('.ck-suggest-status').textContent).toBe('No results'));
    answer = async () => Promise.reject(new Error('down'));
    type(m.input, '@zzz');
    await vi.waitFor(() => expect(m!.$('.ck-suggest-status').textContent).toBe('Couldn’t load suggestions.'));
    type(m.input, 'fine now');
    expect(m.$$('.ck-suggest').length).toBe(0);
  });

  it('picks with the pointer, and the "@" button inserts "@" and opens the search', async () => {
    const onTagSearch = vi.fn(async () => people);
    const t = setup({ entities: { onTagSearch, showComposerMenu: true } });
    m = await mount(t.models);
    type(m.input, 'Hi');
    click(m.$('button[aria-label="Mention"]'));
    expect([m.input.value, t.composer.text.value]).toEqual(['Hi @', 'Hi @']);
    await vi.waitFor(() => expect(m!.$$('[role="option"]').length).toBe(2));
    expect(onTagSearch.mock.calls).toEqual([['']]);
    click(m.$$('[role="option"]')[0]!);
    expect([t.composer.text.value, t.composer.tags.value.map((x) => x.id)]).toEqual(['Hi ', ['u1']]);
  });
});

describe('commands', () => {
  it('opens for "/" with grouped commands, icons and descriptions', async () => {
    const onSearch = vi.fn(async () => [
      { id: 'a', label: 'Translate', group: 'Write', description: 'Into another language' },
      { id: 'b', label: 'Help' },
    ]);
    const t = setup({ commands: { enabled: true, onSearch } });
    m = await mount(t.models);
    type(m.input, '/t');
    await vi.waitFor(() => expect(m!.$$('[role="option"]').length).toBe(2));
    expect([m.$('[role="listbox"]').getAttribute('aria-label'), m.$$('[role="option"]').map((o) => o.textContent), m.$('.ck-suggest-group').textContent]).toEqual([
      'Commands',
      ['Help', 'TranslateInto another language'],
      'Write',
    ]);
  });
});

describe('attachments', () => {
  const options = (extra: Record<string, unknown> = {}) => ({
    api: { url: API_URL, uploadStrategy: { type: 'direct', uploadUrl: '/up' } },
    composer: { attachments: { enabled: true, maxSize: 100, accept: { 'image/*': ['.png'] }, ...extra } },
  });
  const answer = (name: string) => json({ type: 'file', id: `atc_${name}`, name, mime_type: 'image/png' });

  it('has a file picker honouring accept, and shows chips with remove buttons', async () => {
    const t = setup(options(), (req) => (req.url === API_URL ? undefined : answer('a.png')));
    m = await mount(t.models);
    const picker = m.$<HTMLInputElement>('input[type="file"]');
    expect([picker.accept, picker.multiple, m.$$('button[aria-label="Attach file"]').length]).toEqual(['image/*,.png', true, 1]);
    const clicked = vi.fn();
    picker.addEventListener('click', clicked);
    click(m.$('button[aria-label="Attach file"]'));
    expect(clicked).toHaveBeenCalledTimes(1);
    Object.defineProperty(picker, 'files', { configurable: true, value: [file('a.png', 'image/png')] });
    act(() => void picker.dispatchEvent(new Event('change', { bubbles: true })));
    expect(m.$('.ck-attachment').getAttribute('data-status')).toBe('uploading');
    expect(m.$<HTMLButtonElement>('button[type="submit"]').disabled).toBe(true);
    await vi.waitFor(() => expect(m!.$('.ck-attachment').getAttribute('data-status')).toBe('done'));
    expect(names(m.$$('.ck-attachment button'))).toEqual(['Remove a.png']);
    expect(m.$<HTMLButtonElement>('button[type="submit"]').disabled).toBe(false);
  });

  it('takes pasted files and shows refusals with their exact message, dismissible', async () => {
    const t = setup(options(), (req) => (req.url === API_URL ? undefined : answer('shot.png')));
    m = await mount(t.models);
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { files: [file('shot.png', 'image/png'), file('huge.png', 'image/png', 500), file('doc.pdf', 'application/pdf')] } });
    act(() => void m!.input.dispatchEvent(paste));
    expect(paste.defaultPrevented).toBe(true);
    await flush();
    expect(m.$$('.ck-attachment .ck-chip-label').map((e) => e.textContent)).toEqual(['shot.png']);
    expect(m.$$('.ck-composer-notices p').map((p) => p.textContent)).toEqual(['huge.png is larger than 100 byte.', 'The file type of doc.pdf isn’t supported.']);
    expect(m.$('.ck-composer-notices').getAttribute('role')).toBe('alert');
    click(m.$('.ck-composer-notices button[aria-label="Dismiss"]'));
    expect(m.$$('.ck-composer-notices').length).toBe(0);
    expect(document.activeElement).toBe(m.input); // not lost to the page with the button
  });

  it('lets text pastes through', async () => {
    const t = setup(options());
    m = await mount(t.models);
    const paste = new Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { files: [] } });
    act(() => void m!.input.dispatchEvent(paste));
    expect(paste.defaultPrevented).toBe(false);
  });

  it('accepts files dropped anywhere on the panel, with an overlay while dragging', async () => {
    const t = setup(options(), (req) => (req.url === API_URL ? undefined : answer('d.png')));
    m = await mount(t.models);
    const drag = (name: string, files: File[] = []) => {
      const e = new Event(name, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: { types: ['Files'], files, dropEffect: 'none' } });
      act(() => void m!.root.dispatchEvent(e));
      return e;
    };
    expect(drag('dragenter').defaultPrevented).toBe(true);
    expect(m.$('.ck-drop').textContent).toBe('Drop files to attach them');
    expect(drag('dragover').defaultPrevented).toBe(true);
    expect(drag('drop', [file('d.png', 'image/png')]).defaultPrevented).toBe(true);
    expect(m.$$('.ck-drop').length).toBe(0);
    await vi.waitFor(() => expect(m!.$$('.ck-attachment .ck-chip-label').map((e) => e.textContent)).toEqual(['d.png']));
  });

  it('ignores drags that carry no files', async () => {
    const t = setup(options());
    m = await mount(t.models);
    const e = new Event('dragenter', { bubbles: true, cancelable: true });
    Object.defineProperty(e, 'dataTransfer', { value: { types: ['text/plain'], files: [] } });
    act(() => void m!.root.dispatchEvent(e));
    expect([e.defaultPrevented, m.$$('.ck-drop').length]).toEqual([false, 0]);
  });

  it('hides the file picker and says why when no upload strategy is configured', async () => {
    const t = setup({ composer: { attachments: { enabled: true } } });
    m = await mount(t.models);
    expect(m.$$('button[aria-label="Attach file"]').length).toBe(0);
    expect(t.errors()).toEqual(['composer.attachments is enabled, but uploads need a custom api with api.uploadStrategy: the attach button is hidden']);
  });

  it('shows retry and remove for a failed upload', async () => {
    const t = setup(options(), (req) => (req.url === API_URL ? undefined : new Response('', { status: 500 })));
    m = await mount(t.models);
    act(() => void t.composer.extras().then((x) => x.addFiles(t.composer, [file('a.png', 'image/png')])));
    await vi.waitFor(() => expect(m!.$('.ck-attachment').getAttribute('data-status')).toBe('failed'));
    expect([m.$('.ck-attachment .ck-danger-text').textContent, names(m.$$('.ck-attachment button'))]).toEqual(['Couldn’t upload a.png.', ['Retry uploading a.png', 'Remove a.png']]);
  });
});

describe('dictation', () => {
  it('has a mic button named Dictate', async () => {
    const t = setup({ composer: { dictation: { enabled: true } } });
    m = await mount(t.models);
    const mic = m.$('.ck-toolbar-end button');
    expect([mic.getAttribute('aria-label'), mic.getAttribute('aria-pressed'), mic.getAttribute('data-state')]).toEqual(['Dictate', 'false', 'idle']);
    act(() => void (t.composer.dictation.value = 'recording'));
    expect([mic.getAttribute('aria-label'), mic.getAttribute('aria-pressed'), m.$('.ck-toolbar-end [role="status"]').textContent]).toEqual(['Stop dictation', 'true', 'Recording…']);
    act(() => void (t.composer.dictation.value = 'transcribing'));
    expect([mic.getAttribute('aria-label'), (mic as HTMLButtonElement).disabled, mic.getAttribute('aria-busy')]).toEqual(['Transcribing…', true, 'true']);
  });
});
