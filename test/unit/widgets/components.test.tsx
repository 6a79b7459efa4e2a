// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { fieldValue } from '../../../src/widgets/components/date-picker.tsx';
import { card, mount, type Mounted } from './mount.tsx';

let m: Mounted;
afterEach(() => m.unmount());
const show = (...children: WidgetComponent[]) => (m = mount(card(...children)));
const attrs = (el: Element, ...names: string[]) => names.map((n) => el.getAttribute(n));

describe('roots', () => {
  it('renders a Card with size, background, border, padding and a status line with an icon', () => {
    m = mount({ type: 'Card', size: 'lg', background: 'surface-secondary', border: { size: 2, color: 'strong' }, padding: { x: 4, y: 2 }, status: { text: 'Working', icon: 'bolt' }, children: [{ type: 'Text', value: 'Body' }] });
    const section = m.$('section');
    expect(section.className).toBe('ck-w-card ck-w-card-lg');
    expect([section.style.background, section.style.borderWidth, section.style.borderStyle, section.style.borderColor]).toEqual(['var(--ck-surface-2)', '2px', 'solid', 'var(--ck-border-strong)']);
    expect(m.$('.ck-w-status').textContent).toBe('Working');
    expect(m.$$('.ck-w-status svg').length).toBe(1);
    const content = m.$('.ck-w-card-content');
    expect([content.style.paddingTop, content.style.paddingRight, content.style.paddingBottom, content.style.paddingLeft]).toEqual(['8px', '16px', '8px', '16px']);
  });

  it('shows a status favicon only through the URL policy', () => {
    m = mount({ type: 'Card', status: { text: 'Site', favicon: 'https://img.example/f.png', frame: true }, children: [] });
    expect(attrs(m.$('.ck-w-status img'), 'src', 'class', 'alt')).toEqual(['https://img.example/f.png', 'ck-w-favicon ck-w-frame', '']);
    m.unmount();
    m = mount({ type: 'Card', status: { text: 'Site', favicon: 'javascript:alert(1)', icon: 'globe' }, children: [] });
    expect(m.$$('.ck-w-status img').length).toBe(0);
  });

  it('forces the scheme of a Card subtree with theme, and ThemeColors follow it', () => {
    m = mount({ type: 'Card', theme: 'dark', children: [{ type: 'Text', value: 'x', color: { light: 'red-100', dark: 'red-900' } }] });
    expect(m.$('section').className).toBe('ck-w-card ck-w-card-md ck-w-scheme-dark');
    expect(m.$('p').style.color).toBe('var(--ck-red-900)');
  });

  it('renders Basic with direction, gap, padding, align and justify, and nested roots', () => {
    m = mount({ type: 'Basic', direction: 'row', gap: 1, padding: 2, align: 'end', justify: 'center', children: [{ type: 'Card', children: [] }, { type: 'Caption', value: 'c' }] });
    const basic = m.$('.ck-w-basic');
    expect(basic.className).toBe('ck-w-box ck-w-row ck-w-align-end ck-w-justify-center ck-w-basic');
    expect([basic.style.gap, basic.style.padding]).toEqual(['4px', '8px']);
    expect([...basic.children].map((c) => c.tagName)).toEqual(['SECTION', 'P']);
  });

  it('renders nothing for a root that is not Card, ListView or Basic', () => {
    m = mount({ type: 'Row', children: [{ type: 'Text', value: 'x' }] });
    expect(m.container.innerHTML).toBe('');
  });
});

describe('layout', () => {
  it('renders Box, Row and Col as flex boxes with their axis', () => {
    show({ type: 'Box', direction: 'row', children: [] }, { type: 'Box', children: [] }, { type: 'Row', children: [] }, { type: 'Col', wrap: 'wrap-reverse', children: [] });
    expect(m.$$('.ck-w-card-content > div').map((d) => d.className)).toEqual([
      'ck-w-box ck-w-row',
      'ck-w-box ck-w-col',
      'ck-w-box ck-w-row',
      'ck-w-box ck-w-col ck-w-wrap-reverse',
    ]);
  });

  it('renders Spacer with its minimum size and Divider with colour, size, spacing and flush', () => {
    show({ type: 'Spacer', minSize: 24 }, { type: 'Divider', color: 'danger', size: 2, spacing: 3, flush: true });
    expect([m.$('.ck-w-spacer').style.flexBasis, m.$('.ck-w-spacer').getAttribute('aria-hidden')]).toEqual(['24px', 'true']);
    const hr = m.$('hr');
    expect(hr.className).toBe('ck-w-divider ck-w-flush');
    expect(['--ck-w-rule-color', '--ck-w-rule-size', '--ck-w-rule-space'].map((p) => hr.style.getPropertyValue(p))).toEqual(['var(--ck-danger)', '2px', '12px']);
  });

  it('renders a Transition as its child in a box that animates height changes and fades in a new child', () => {
    const animate = vi.fn((_frames: unknown, _options?: unknown) => ({ onfinish: null, oncancel: null }) as unknown as Animation);
    let height = 40;
    const restore = [
      vi.spyOn(HTMLElement.prototype, 'animate').mockImplementation(animate as never),
      vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation((() => ({ height }) as DOMRect) as never),
    ];
    const text = (value: string, key = 'a') => ({ type: 'Transition', children: { type: 'Text', key, value } as unknown as WidgetComponent[] }) as WidgetComponent;
    show(text('inside'));
    expect(m.$('.ck-w-card-content').innerHTML).toBe('<div class="ck-w-transition"><p class="ck-w-text" dir="auto">inside</p></div>');
    expect(animate).not.toHaveBeenCalled();
    height = 80;
    m.rerender(card(text('taller')));
    expect(animate.mock.calls.map(([frames]) => frames)).toEqual([[{ height: '40px' }, { height: '80px' }]]);
    expect(m.$('.ck-w-transition').classList.contains('ck-w-animating')).toBe(true);
    m.rerender(card(text('other child', 'b')));
    expect(animate.mock.calls.at(-1)![0]).toEqual([{ opacity: 0, transform: 'translateY(4px)' }, { opacity: 1, transform: 'none' }]);
    for (const r of restore) r.mockRestore();
  });
});

describe('text and content', () => {
  it('maps Text props to classes and styles', () => {
    show({ type: 'Text', value: 'Hello', size: 'lg', weight: 'semibold', textAlign: 'center', color: 'tertiary', italic: true, lineThrough: true, maxLines: 2, minLines: 1, width: 120 });
    const p = m.$('p');
    expect(p.className).toBe('ck-w-text ck-w-text-lg ck-w-fw-semibold ck-w-ta-center ck-w-clamp ck-w-min-lines ck-w-italic ck-w-strike');
    expect([p.style.color, p.style.width, p.style.getPropertyValue('--ck-w-lines'), p.style.getPropertyValue('--ck-w-min-lines')]).toEqual(['var(--ck-fg-tertiary)', '120px', '2', '1']);
  });

  it('shows a caret while Text or Markdown streams', () => {
    show({ type: 'Text', value: 'Dear', streaming: true, truncate: true }, { type: 'Markdown', value: '**Dear**', streaming: true });
    expect(m.$('p').outerHTML).toBe('<p class="ck-w-text ck-w-truncate" dir="auto">Dear<span class="ck-w-caret" aria-hidden="true"></span></p>');
    expect(m.$('.ck-w-markdown').className).toBe('ck-w-markdown ck-w-streaming');
    expect(m.$('.ck-w-markdown strong').textContent).toBe('Dear');
  });

  it('renders Title and Caption with their sizes', () => {
    show({ type: 'Title', value: 'T', size: '3xl' }, { type: 'Caption', value: 'C', size: 'lg', weight: 'bold' });
    expect([m.$('h3').className, m.$('.ck-w-caption').className]).toEqual(['ck-w-title ck-w-title-3xl', 'ck-w-caption ck-w-caption-lg ck-w-fw-bold']);
  });

  it('points a Label at its field, which then has no aria-label of its own', () => {
    show({ type: 'Label', value: 'Email', fieldName: 'email' }, { type: 'Input', name: 'email', placeholder: 'you@x' }, { type: 'Input', name: 'city', placeholder: 'City' }, { type: 'Input', name: 'zip' });
    const [email, city, zip] = m.$$('input');
    expect(m.$('label').getAttribute('for')).toBe('ck-w-W1-email');
    expect([email, city, zip].map((i) => [i?.id, i?.getAttribute('aria-label')])).toEqual([
      ['ck-w-W1-email', null],
      ['ck-w-W1-city', 'City'],
      ['ck-w-W1-zip', 'zip'],
    ]);
  });

  it('renders Badge and Icon with their classes', () => {
    show({ type: 'Badge', label: 'New', color: 'success', variant: 'outline', size: 'lg', pill: true }, { type: 'Badge', label: 'Plain' }, { type: 'Icon', name: 'check', size: 'xl', color: 'success' });
    expect(m.$$('.ck-w-badge').map((b) => [b.className, b.textContent])).toEqual([
      ['ck-w-badge ck-w-c-success ck-w-v-outline ck-w-badge-lg ck-w-pill', 'New'],
      ['ck-w-badge ck-w-c-secondary ck-w-v-soft ck-w-badge-sm', 'Plain'],
    ]);
    const icon = m.$('.ck-w-icon');
    expect([icon.style.color, attrs(icon.querySelector('svg') as Element, 'width', 'aria-hidden')]).toEqual(['var(--ck-success)', ['20', 'true']]);
  });

  it('renders an Image with fit, position, frame, flush and sizing, through the URL policy', () => {
    show({ type: 'Image', src: 'https://img.example/a.png', alt: 'A cat', fit: 'contain', position: 'top left', frame: true, flush: true, height: 80, radius: 'sm' });
    const img = m.$<HTMLImageElement>('img');
    expect(attrs(img, 'src', 'alt', 'class', 'referrerpolicy', 'loading')).toEqual(['https://img.example/a.png', 'A cat', 'ck-w-image ck-w-frame ck-w-flush', 'no-referrer', 'lazy']);
    expect([img.style.objectFit, img.style.objectPosition, img.style.height, img.style.borderRadius]).toEqual(['contain', 'top left', '80px', '6px']);
  });

  it('holds back images from hosts outside allowed_image_domains until asked', async () => {
    show({ type: 'Image', src: 'https://elsewhere.example/a.png', alt: 'x' });
    expect(m.$$('img').length).toBe(0);
    const button = m.$('button.ck-w-load-image');
    expect(button.textContent).toBe('Load image from elsewhere.example');
    const { act } = await import('preact/test-utils');
    act(() => button.click());
    expect(m.$('img').getAttribute('src')).toBe('https://elsewhere.example/a.png');
  });

  it('renders a Table with header rows, spans, alignment and widths', () => {
    show({
      type: 'Table',
      children: [
        { type: 'Table.Row', header: true, children: [{ type: 'Table.Cell', colSpan: 2, align: 'center', children: [{ type: 'Text', value: 'Head' }] }] },
        {
          type: 'Table.Row',
          children: [
            { type: 'Table.Cell', rowSpan: 2, vAlign: 'end', width: 50, colSize: 'sm', padding: 1, children: [{ type: 'Text', value: 'a' }] },
            { type: 'Table.Cell', align: 'end', children: [{ type: 'Text', value: 'b' }] },
          ],
        },
      ],
    });
    const th = m.$('thead th');
    expect([th.className, attrs(th, 'colspan', 'scope'), th.textContent]).toEqual(['ck-w-cell ck-w-ta-center', ['2', 'col'], 'Head']);
    const tds = m.$$('tbody td');
    expect(tds.map((td) => [td.className, td.getAttribute('rowspan'), td.style.width, td.style.padding])).toEqual([
      ['ck-w-cell ck-w-va-end ck-w-col-sm', '2', '50px', '4px'],
      ['ck-w-cell ck-w-ta-end', null, '', ''],
    ]);
  });
});

describe('controls', () => {
  it('maps Button props to classes, icons and type', () => {
    show(
      { type: 'Button', label: 'Save', color: 'danger', variant: 'soft', size: 'lg', pill: true, block: true, iconStart: 'check', iconEnd: 'chevron-right', submit: true },
      { type: 'Button', iconStart: 'plus', uniform: true, style: 'secondary', disabled: true },
      { type: 'Button', label: 'Go', style: 'primary' },
    );
    const [save, plus, go] = m.$$<HTMLButtonElement>('button');
    expect(save?.className).toBe('ck-w-btn ck-w-v-soft ck-w-s-lg ck-w-pill ck-w-block ck-w-c-danger');
    expect([save?.type, save?.querySelectorAll('svg').length, save?.textContent]).toEqual(['submit', 2, 'Save']);
    expect([plus?.className, plus?.disabled, plus?.getAttribute('aria-label'), plus?.type]).toEqual(['ck-w-btn ck-w-v-outline ck-w-c-secondary ck-w-uniform', true, 'plus', 'button']);
    expect(go?.className).toBe('ck-w-btn ck-w-v-solid ck-w-c-primary');
  });

  it('renders Input with every attribute mapped', () => {
    show({ type: 'Input', name: 'n', inputType: 'email', defaultValue: 'a@b', required: true, pattern: '.+@.+', placeholder: 'Mail', disabled: true, variant: 'soft', size: 'sm', gutterSize: 'xs', pill: true });
    const input = m.$<HTMLInputElement>('input');
    expect([input.type, input.name, input.value, input.required, input.pattern, input.placeholder, input.disabled]).toEqual(['email', 'n', 'a@b', true, '.+@.+', 'Mail', true]);
    expect(input.className).toBe('ck-w-field ck-w-v-soft ck-w-s-sm ck-w-g-xs ck-w-pill');
    expect(attrs(input, 'data-1p-ignore', 'data-lpignore', 'autocomplete')).toEqual(['', 'true', 'off']);
  });

  it('grows an autoResize Textarea with its lines up to maxRows', async () => {
    show({ type: 'Textarea', name: 't', rows: 2, maxRows: 4, autoResize: true, defaultValue: 'one' });
    const ta = m.$<HTMLTextAreaElement>('textarea');
    expect(ta.getAttribute('rows')).toBe('2');
    const { act } = await import('preact/test-utils');
    for (const [text, rows] of [['1\n2\n3', 3], ['1\n2\n3\n4\n5\n6', 4]] as const) {
      act(() => {
        ta.value = text;
        ta.dispatchEvent(new Event('input', { bubbles: true }));
      });
      expect(ta.getAttribute('rows')).toBe(String(rows));
    }
  });

  it('renders an editable Text as a named inline field', () => {
    show({ type: 'Text', value: 'Buy milk', size: 'sm', editable: { name: 'todo.title', required: true, pattern: '\\w.*', placeholder: 'Task' } });
    const input = m.$<HTMLInputElement>('input');
    expect([input.className, input.name, input.value, input.required, input.pattern, input.getAttribute('aria-label')]).toEqual([
      'ck-w-text ck-w-text-sm ck-w-text-input', 'todo.title', 'Buy milk', true, '\\w.*', 'Task',
    ]);
  });

  it('renders a Select with placeholder, default, disabled options and a clear button', () => {
    show({ type: 'Select', name: 's', placeholder: 'Pick', defaultValue: 'b', clearable: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B', disabled: true }, { label: 'no value' }] });
    const select = m.$<HTMLSelectElement>('select');
    expect([...select.options].map((o) => [o.value, o.textContent, o.disabled])).toEqual([
      ['', 'Pick', false],
      ['a', 'A', false],
      ['b', 'B', true],
    ]);
    expect([select.value, m.$$('input[type=search]').length, m.$('.ck-w-clear').getAttribute('aria-label')]).toEqual(['b', 0, 'Clear']);
  });

  it('shows a filter box for more than 15 options (or searchable) that narrows the list and keeps the value', async () => {
    const options = Array.from({ length: 16 }, (_, i) => ({ value: `v${i}`, label: `Option ${i}` }));
    show({ type: 'Select', name: 's', options, defaultValue: 'v3' }, { type: 'Select', name: 't', options: options.slice(0, 2), searchable: true }, { type: 'Select', name: 'u', options, searchable: false });
    const filters = m.$$<HTMLInputElement>('input[type=search]');
    expect(filters.map((f) => f.getAttribute('aria-label'))).toEqual(['Search options', 'Search options']);
    const { act } = await import('preact/test-utils');
    act(() => {
      (filters[0] as HTMLInputElement).value = 'option 1';
      filters[0]?.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const select = m.$<HTMLSelectElement>('select');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'v1', 'v3', 'v10', 'v11', 'v12', 'v13', 'v14', 'v15']);
    expect(select.value).toBe('v3');
  });

  it('renders DatePicker as a button showing the date in the UI language, with a named form field', () => {
    show({ type: 'DatePicker', name: 'd', defaultValue: '2024-05-01T00:00:00Z', min: '2024-01-01T00:00:00', max: '2024-12-31', placeholder: 'When', clearable: true });
    const button = m.$<HTMLButtonElement>('.ck-w-date > button');
    const field = m.$<HTMLInputElement>('input[name="d"]');
    expect([button.textContent, button.getAttribute('aria-label'), button.getAttribute('aria-haspopup'), button.getAttribute('aria-expanded')]).toEqual(['May 1, 2024', 'When, May 1, 2024', 'dialog', 'false']);
    expect([field.value, field.tabIndex, field.getAttribute('aria-hidden')]).toEqual(['2024-05-01', -1, 'true']);
    expect(m.$$('.ck-w-clear').length).toBe(1);
    m.unmount();
    show({ type: 'DatePicker', name: 'e', placeholder: 'Pick a day' });
    expect([m.$('.ck-w-date > button').textContent, m.$<HTMLInputElement>('input[name="e"]').value]).toEqual(['Pick a day', '']);
  });

  it('names a DatePicker by its Label and describes it by the chosen date', () => {
    show({ type: 'Label', value: 'Pick-up day', fieldName: 'day' }, { type: 'DatePicker', name: 'day', defaultValue: '2024-05-01' });
    const button = m.$<HTMLButtonElement>('.ck-w-date > button');
    const label = m.$('label');
    expect([label.getAttribute('for'), button.id, button.getAttribute('aria-label')]).toEqual([button.id, button.id, null]);
    expect(m.$(`[id="${button.getAttribute('aria-describedby')}"]`).textContent).toBe('May 1, 2024');
  });

  it('opens a month calendar starting on the locale’s first day, with days outside min and max disabled', () => {
    show({ type: 'DatePicker', name: 'd', defaultValue: '2024-05-15', min: '2024-05-03', max: '2024-05-29' });
    act(() => m.$<HTMLButtonElement>('.ck-w-date > button').click());
    const dialog = m.$('[role="dialog"]');
    expect([dialog.getAttribute('aria-label'), m.$('.ck-w-calendar-month').textContent]).toEqual(['Choose date', 'May 2024']);
    // en → en-US: weeks start on Sunday; May 2024 starts on a Wednesday, so the grid opens with Apr 28.
    expect(m.$$('th').map((th) => th.textContent)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    const days = m.$$<HTMLButtonElement>('.ck-w-calendar-day');
    expect([days.length, days[0]?.dataset.day, days.at(-1)?.dataset.day]).toEqual([35, '2024-04-28', '2024-06-01']);
    expect(days.filter((d) => d.getAttribute('aria-disabled') === 'true').map((d) => d.dataset.day)).toEqual(['2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01', '2024-05-02', '2024-05-30', '2024-05-31', '2024-06-01']);
    const selected = m.$('td[aria-selected="true"] button');
    expect([selected.dataset.day, selected.getAttribute('aria-label'), selected.tabIndex]).toEqual(['2024-05-15', 'Wednesday, May 15, 2024', 0]);
  });

  it('names months and weekdays in the UI language and starts weeks where that language does', () => {
    m = mount(card({ type: 'DatePicker', name: 'd', defaultValue: '2024-05-15' }), { strings: { locale: 'de-DE' } });
    act(() => m.$<HTMLButtonElement>('.ck-w-date > button').click());
    expect([m.$('.ck-w-calendar-month').textContent, m.$$('th')[0]?.textContent?.slice(0, 2), m.$$('th')[0]?.getAttribute('abbr'), m.$$('.ck-w-calendar-day')[0]?.dataset.day]).toEqual(['Mai 2024', 'Mo', 'Montag', '2024-04-29']);
  });

  it('makes DatePicker pick a time too when a value has a time of day, keeping that time', () => {
    show({ type: 'DatePicker', name: 'd', defaultValue: '2024-05-01T14:30:00', min: '2024-05-01T09:00', max: '2024-05-31' });
    expect(m.$<HTMLInputElement>('input[name="d"]').value).toBe('2024-05-01T14:30');
    expect(m.$('.ck-w-date > button').textContent).toBe('May 1, 2024, 2:30 PM');
    act(() => m.$<HTMLButtonElement>('.ck-w-date > button').click());
    const clock = m.$<HTMLInputElement>('input[type="time"]');
    // The chosen day is min's day, so the time cannot go before min's time.
    expect([clock.value, clock.min, clock.max]).toEqual(['14:30', '09:00', '']);
  });

  it('renders Checkbox and a labelled RadioGroup', () => {
    show(
      { type: 'Checkbox', name: 'ok', label: 'Agree', defaultChecked: true, required: true },
      { type: 'RadioGroup', name: 'size', ariaLabel: 'Size', direction: 'row', defaultValue: 'm', options: [{ value: 's', label: 'S' }, { value: 'm', label: 'M', disabled: true }] },
    );
    const box = m.$<HTMLInputElement>('input[type=checkbox]');
    expect([box.checked, box.required, box.name, box.closest('label')?.textContent]).toEqual([true, true, 'ok', 'Agree']);
    const group = m.$('[role=radiogroup]');
    expect([group.getAttribute('aria-label'), group.className]).toEqual(['Size', 'ck-w-radios ck-w-row']);
    const radios = m.$$<HTMLInputElement>('input[type=radio]');
    expect(radios.map((r) => [r.value, r.checked, r.disabled, r.getAttribute('data-ck-name')])).toEqual([
      ['s', false, false, 'size'],
      ['m', true, true, 'size'],
    ]);
    expect(radios[0]?.name).toBe(radios[1]?.name);
    expect(radios[0]?.name.startsWith('size~')).toBe(true);
  });
});

describe('ListView', () => {
  const item = (label: string, extra: Record<string, unknown> = {}): WidgetComponent => ({ type: 'ListViewItem', ...extra, children: [{ type: 'Text', value: label }] });

  it('shows the first `limit` items and toggles the rest with Show more / Show less', async () => {
    m = mount({ type: 'ListView', limit: 2, status: { text: 'Results' }, children: [item('a'), item('b'), item('c')] });
    const texts = () => m.$$('li').map((li) => li.textContent);
    expect(texts()).toEqual(['a', 'b']);
    const more = m.$('button.ck-w-more');
    expect([more.textContent, more.getAttribute('aria-expanded')]).toEqual(['Show more', 'false']);
    const { act } = await import('preact/test-utils');
    act(() => more.click());
    expect([texts(), more.textContent, more.getAttribute('aria-expanded')]).toEqual([['a', 'b', 'c'], 'Show less', 'true']);
    act(() => more.click());
    expect(texts()).toEqual(['a', 'b']);
  });

  it('shows every item without a numeric limit, and no button', () => {
    m = mount({ type: 'ListView', limit: 'auto', children: [item('a'), item('b'), { type: 'Text', value: 'not an item' }] });
    expect([m.$$('li').length, m.$$('button').length]).toEqual([2, 0]);
  });

  it('makes a clickable item a real button, or a keyboard-operable one when it holds controls', () => {
    m = mount({
      type: 'ListView',
      children: [item('plain', { onClickAction: { type: 'open' }, gap: 2, align: 'start' }), { type: 'ListViewItem', onClickAction: { type: 'open' }, children: [{ type: 'Button', label: 'inner' }] }],
    });
    const [first, second] = m.$$('li > *');
    expect([first?.tagName, first?.className, (first as HTMLElement).style.gap]).toEqual(['BUTTON', 'ck-w-box ck-w-row ck-w-align-start ck-w-list-row ck-w-pressable', '8px']);
    expect([second?.tagName, second?.getAttribute('role'), second?.getAttribute('tabindex')]).toEqual(['DIV', 'button', '0']);
  });
});

describe('DatePicker values', () => {
  it('converts zoned ISO values to local wall time and rejects what is not ISO', () => {
    const local = new Date('2024-05-01T12:45:00Z');
    const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}T${String(local.getHours()).padStart(2, '0')}:45`;
    expect([fieldValue('2024-05-01T12:45:00Z', true), fieldValue('2024-05-01', true), fieldValue('2024-05-01 08:05:07.5', true), fieldValue('May 1', true), fieldValue('2024-05-01T25', false), fieldValue(7, false)]).toEqual([
      expected,
      '2024-05-01T00:00',
      '2024-05-01T08:05',
      '',
      '',
      '',
    ]);
  });
});
