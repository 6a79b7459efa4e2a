/**
 * How widgets look and lay out in a real browser (what happy-dom cannot measure): columns keep the natural width
 * of buttons and badges, control sizes scale text and padding with the height, the Select filter is visible in
 * the light scheme. The backend is a Playwright route that answers `threads.create` with one widget item, so any
 * widget JSON can be put on screen; screenshots are written to test-results/ for a person to look at.
 */
import type { Frame, Page } from '@playwright/test';
import { wcagViolations } from './a11y-kit.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

type Json = Record<string, unknown>;

const sse = (events: Json[]): string => events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('');
const now = '2026-12-01T10:00:00';

/** Answers every ChatKit request of the page: `threads.create` streams `widget` as the reply. */
async function serveWidget(page: Page, widget: Json, copyText?: string): Promise<void> {
  await page.context().route('**/chatkit', async (route) => {
    const body = route.request().postDataJSON() as { type: string };
    if (body.type !== 'threads.create') return route.fulfill({ status: 200, contentType: 'application/json', body: '{}' });
    const thread = { id: 'thr_look', created_at: now, status: { type: 'active' }, metadata: {}, items: { data: [], has_more: false } };
    const user = { id: 'msg_u', thread_id: 'thr_look', created_at: now, type: 'user_message', content: [{ type: 'input_text', text: 'show' }], attachments: [], inference_options: {} };
    const item = { id: 'msg_w', thread_id: 'thr_look', created_at: now, type: 'widget', widget, ...(copyText ? { copy_text: copyText } : {}) };
    await route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: sse([{ type: 'thread.created', thread }, { type: 'thread.item.done', item: user }, { type: 'thread.item.done', item }]),
    });
  });
}

/** Opens the chat on the items host page, sends a message and waits for the widget. */
async function showWidget(page: Page, hostUrl: string, widget: Json): Promise<Frame> {
  await serveWidget(page, widget);
  await page.goto(`${hostUrl}items-host.html`);
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
  await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  const frame = await widgetFrame(page);
  const box = frame.getByRole('textbox', { name: 'Message the AI' });
  await box.fill('show');
  await box.press('Enter');
  await expect(frame.locator('.ck-w').first()).toBeVisible();
  return frame;
}

const width = async (frame: Frame, selector: string): Promise<number> => (await frame.locator(selector).first().boundingBox())?.width ?? -1;

test('buttons, badges and selects in a card or column keep their natural width; block and align: stretch fill it', async ({ page, demo }) => {
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    children: [
      { type: 'Badge', label: 'New', key: 'badge' },
      { type: 'Button', label: 'Natural', key: 'natural' },
      { type: 'Button', label: 'Block', block: true, key: 'block' },
      { type: 'Select', name: 'pick', options: [{ value: 'a', label: 'Alpha' }], key: 'select' },
      { type: 'Text', value: 'Text spans the card', key: 'text' },
      { type: 'Col', key: 'stretch', align: 'stretch', children: [{ type: 'Button', label: 'Stretched' }] },
      { type: 'Col', key: 'center', align: 'center', children: [{ type: 'Button', label: 'Centred' }] },
    ],
  });
  const content = await width(frame, '.ck-w-card-content');
  const inner = content - 32;
  const badge = await width(frame, '.ck-w-badge');
  expect(badge).toBeGreaterThan(20);
  expect(badge).toBeLessThan(60);
  const natural = await width(frame, '.ck-w-btn:has-text("Natural")');
  expect(natural).toBeLessThan(120);
  expect(await width(frame, '.ck-w-btn:has-text("Block")')).toBeCloseTo(inner, 0);
  expect(await width(frame, '.ck-w-select')).toBeLessThan(inner / 2);
  expect(await width(frame, '.ck-w-text')).toBeCloseTo(inner, 0);
  expect(await width(frame, '.ck-w-btn:has-text("Stretched")')).toBeCloseTo(inner, 0);
  const centred = frame.locator('.ck-w-btn:has-text("Centred")');
  const c = await centred.boundingBox();
  const card = await frame.locator('.ck-w-card-content').boundingBox();
  expect(c && card && Math.abs(c.x + c.width / 2 - (card.x + card.width / 2))).toBeLessThan(2);
  await frame.locator('.ck-w-card').screenshot({ path: test.info().outputPath('columns.png') });
});

test('a control size scales its text, padding and icon with its height', async ({ page, demo }) => {
  const sizes = ['3xs', 'sm', 'md', 'xl', '3xl'];
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    children: sizes.map((size) => ({ type: 'Button', key: size, label: `Size ${size}`, iconStart: 'check', size })),
  });
  const measured = [];
  for (const size of sizes) {
    const button = frame.locator('.ck-w-btn', { hasText: `Size ${size}` });
    measured.push(
      await button.evaluate((el) => {
        const cs = getComputedStyle(el);
        const icon = el.querySelector('svg')?.getBoundingClientRect().width ?? 0;
        return { height: el.getBoundingClientRect().height, font: parseFloat(cs.fontSize), padding: parseFloat(cs.paddingLeft), icon };
      }),
    );
  }
  expect(measured.map((m) => m.height)).toEqual([20, 32, 36, 44, 56]);
  // Each step up is at least as large in every dimension, and the extremes differ clearly.
  for (let i = 1; i < measured.length; i++) {
    for (const k of ['font', 'padding', 'icon'] as const) expect(measured[i]![k]).toBeGreaterThanOrEqual(measured[i - 1]![k]);
  }
  expect(measured[4]!.font / measured[0]!.font).toBeGreaterThan(1.5);
  expect(measured[4]!.padding / measured[0]!.padding).toBeGreaterThan(3);
  expect(measured[4]!.icon / measured[0]!.icon).toBeGreaterThan(1.5);
  await frame.locator('.ck-w-card').screenshot({ path: test.info().outputPath('sizes.png') });
});

test('the filter box of a searchable Select is visible in the light scheme, with a placeholder', async ({ page, demo }) => {
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    children: [{ type: 'Select', name: 'fruit', searchable: true, options: [{ value: 'a', label: 'Apple' }, { value: 'b', label: 'Banana' }] }],
  });
  const filter = frame.getByRole('searchbox', { name: 'Search options' });
  await expect(filter).toHaveAttribute('placeholder', 'Search options');
  const look = await filter.evaluate((el) => {
    const cs = getComputedStyle(el);
    return { border: cs.borderTopColor, width: parseFloat(cs.borderTopWidth), bg: cs.backgroundColor };
  });
  expect(look.width).toBeGreaterThan(0);
  expect(look.border).not.toBe('rgba(0, 0, 0, 0)');
  await frame.locator('.ck-w-card').screenshot({ path: test.info().outputPath('select-filter.png') });
});

test('flush dividers reach the edges of any padded container; calc(), vh and shorthand paddings apply', async ({ page, demo }) => {
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    padding: '12px 40px',
    children: [
      { type: 'Text', value: 'Card padded 40px at the sides', key: 't' },
      { type: 'Divider', flush: true, key: 'd1' },
      {
        type: 'Col',
        key: 'col',
        padding: { x: 6, y: 2 },
        background: 'surface-secondary',
        width: 'calc(100% - 20px)',
        minHeight: '10vh',
        children: [{ type: 'Divider', flush: true, key: 'd2' }],
      },
    ],
  });
  const box = async (sel: string) => (await frame.locator(sel).first().boundingBox())!;
  const content = await box('.ck-w-card-content');
  const [d1, d2] = [await box('.ck-w-divider >> nth=0'), await box('.ck-w-divider >> nth=1')];
  const col = await box('.ck-w-card-content > .ck-w-col');
  expect(await frame.locator('.ck-w-card-content').evaluate((el) => getComputedStyle(el).paddingLeft)).toBe('40px');
  expect([Math.round(d1.x - content.x), Math.round(d1.width - content.width)]).toEqual([0, 0]);
  expect(Math.round(col.width)).toBe(Math.round(content.width - 80 - 20));
  const tenVh = await frame.evaluate(() => innerHeight / 10);
  expect(col.height).toBeGreaterThanOrEqual(tenVh - 1);
  expect([Math.round(d2.x - col.x), Math.round(d2.width - col.width)]).toEqual([0, 0]);
  await frame.locator('.ck-w-card').screenshot({ path: test.info().outputPath('flush.png') });
});

test('Select options with a description open as a listbox showing it under each label', async ({ page, demo }) => {
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    children: [
      {
        type: 'Select',
        name: 'ship',
        placeholder: 'Shipping',
        options: [
          { value: 'std', label: 'Standard', description: '3–5 days' },
          { value: 'pick', label: 'Pick-up', description: 'In store today' },
        ],
      },
      { type: 'Text', value: 'Below the select', key: 'below' },
    ],
  });
  const combo = frame.getByRole('combobox', { name: 'Shipping' });
  await combo.click();
  const list = frame.getByRole('listbox', { name: 'Shipping' });
  await expect(list.getByRole('option')).toHaveText(['Standard3–5 days', 'Pick-upIn store today']);
  await frame.locator('.ck-panel').screenshot({ path: test.info().outputPath('select-descriptions.png') });
  await combo.press('ArrowDown');
  await combo.press('Enter');
  await expect(combo).toHaveText('Pick-up');
  await expect(list).toHaveCount(0);
});

test('a DatePicker opens a calendar popover by its side and align, driven by the keyboard, and posts the day', async ({ page, demo }) => {
  const frame = await showWidget(page, demo.hostUrl, {
    type: 'Card',
    children: [
      { type: 'Text', value: 'Pick a delivery day' },
      { type: 'DatePicker', name: 'day', placeholder: 'Delivery day', defaultValue: '2026-12-10', min: '2026-12-03', max: '2027-02-28', side: 'top', align: 'end', clearable: true, block: true },
    ],
  });
  const trigger = frame.getByRole('button', { name: 'Delivery day, Dec 10, 2026' });
  await trigger.focus();
  await trigger.press('Enter');
  const dialog = frame.getByRole('dialog', { name: 'Choose date' });
  await expect(dialog).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Thursday, December 10, 2026' })).toBeFocused();
  // side: top and align: end — above the button (or below when the panel has no room above), right edges lined up.
  const [b, d] = [(await trigger.boundingBox())!, (await dialog.boundingBox())!];
  expect(Math.abs(b.x + b.width - (d.x + d.width))).toBeLessThan(2);
  expect(d.y + d.height <= b.y || d.y >= b.y + b.height).toBe(true);
  await frame.locator('.ck-panel').screenshot({ path: test.info().outputPath('date-picker.png') });
  expect(await wcagViolations(frame)).toEqual([]);
  // A day before min cannot be chosen; arrows, PageDown and Enter pick a day; Escape closes, keeping the panel open.
  await page.keyboard.press('ArrowUp');
  await expect(frame.getByRole('button', { name: 'Thursday, December 3, 2026' })).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(frame.getByRole('heading', { name: 'January 2027' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const picked = frame.getByRole('button', { name: 'Delivery day, Jan 4, 2027' });
  await expect(picked).toBeFocused();
  await expect(frame.locator('input[name="day"]')).toHaveValue('2027-01-04');
  await picked.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(frame.locator('.ck-panel')).toBeVisible();
});
