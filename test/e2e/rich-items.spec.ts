/**
 * Rich thread items against the real demo server and its demo agent: a workflow that streams and collapses, an
 * answer with citations and a Sources list (entities reaching the host), a client tool round trip through the
 * host page, structured input, a form widget handled by the server and a client action handled by the host,
 * and a generated image. The host page is test/e2e/pages/items-host.html.
 */
import type { Frame, Page } from '@playwright/test';
import { startDemo, type Demo } from './support/demo.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

/** A slower demo than the shared one, so live states (running tasks, image progress) last long enough to see. */
const slowTest = test.extend<object, { slow: Demo }>({
  slow: [
    async ({}, use) => {
      const demo = await startDemo({ env: { DEMO_WORD_DELAY_MS: '40' } });
      await use(demo);
      await demo.cleanup();
    },
    { scope: 'worker' },
  ],
});

type HostLog = { toolCalls: unknown[]; widgetActions: unknown[]; entityClicks: unknown[]; previewRequests: string[]; errors: string[] };

/** Opens the test page and the panel; returns the widget frame. */
async function openChat(page: Page, hostUrl: string): Promise<Frame> {
  await page.goto(`${hostUrl}items-host.html`);
  await page.waitForFunction(() => (window as { ChatKit?: { __chatkit?: boolean } }).ChatKit?.__chatkit === true);
  await page.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('dialog')).toBeVisible();
  return frame;
}

/** Sends a message from the composer. */
async function send(frame: Frame, text: string): Promise<void> {
  const box = frame.getByRole('textbox', { name: 'Message the AI' });
  await box.fill(text);
  await box.press('Enter');
}

/** Assistant text in the thread (the live region repeats it, off screen). */
const said = (frame: Frame, text: string | RegExp) => frame.locator('.ck-assistant').getByText(text);
const log = <K extends keyof HostLog>(page: Page, key: K): Promise<HostLog[K]> =>
  page.evaluate((k: keyof HostLog) => (window as unknown as HostLog)[k], key) as Promise<HostLog[K]>;

slowTest('a workflow streams its tasks live, then collapses under its summary', async ({ page, slow }) => {
  const frame = await openChat(page, slow.hostUrl);
  await send(frame, 'show me a workflow');
  const working = frame.getByRole('button', { name: 'Working…' });
  await expect(working).toHaveAttribute('aria-expanded', 'true');
  await expect(frame.getByText('Searching the docs')).toBeVisible();
  await expect(frame.getByRole('img', { name: 'In progress' }).first()).toBeVisible();
  const custom = frame.getByRole('button', { name: 'Looked into it' });
  await expect(custom).toHaveAttribute('aria-expanded', 'false');
  const reasoning = frame.getByRole('button', { name: /^Thought for \d+s$/ });
  await expect(reasoning).toHaveAttribute('aria-expanded', 'false');
  await expect(said(frame, /^That was a custom workflow followed by a reasoning workflow\./)).toBeVisible();
  await custom.click();
  await expect(custom).toHaveAttribute('aria-expanded', 'true');
  const tasks = frame.locator('.ck-workflow').first().locator('.ck-task-view');
  await expect(tasks).toHaveText(['Searching the docs', 'Reading the results', 'Drafting the answer']);
  await expect(tasks.getByRole('img', { name: 'Done' })).toHaveCount(3);
  await reasoning.click();
  await expect(frame.getByText('The user asked for a workflow demo, so I should show tasks that update while I work.')).toBeVisible();
});

test('citations appear as markers with a Sources list; entity sources reach the host', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'show me sources');
  const markers = frame.locator('.ck-assistant .ck-cite');
  // The entity is cited by its icon; hovering shows the host's preview (the page has onRequestPreview).
  await expect(markers).toHaveText(['1', '2', '']);
  await expect(markers.first()).toHaveAccessibleName('Sources 1: ChatKit');
  await expect(markers.nth(2)).toHaveAccessibleName('Sources 3: Ada Lovelace');
  await expect(markers.nth(2).locator('svg')).toBeVisible();
  await markers.nth(2).hover();
  await expect(frame.getByRole('tooltip')).toHaveText('Preview of Ada Lovelace');
  await frame.locator('.ck-assistant').last().screenshot({ path: test.info().outputPath('entity-card.png') });
  await frame.locator('.ck-composer, textarea').first().hover();
  await expect(frame.getByRole('tooltip')).toHaveCount(0);
  const toggle = frame.getByRole('button', { name: 'Sources 3', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await markers.nth(1).click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const list = frame.locator('.ck-sources-list li');
  await expect(list).toHaveText([/^1ChatKitOpenAI\(opens in a new tab\)Oct 6, 2026$/, '2Protocol notesCHATKIT.mdThe wire protocol, field by field', '3Ada LovelacePerson']);
  await expect(list.nth(1)).toBeFocused();
  const link = frame.getByRole('link', { name: /ChatKit OpenAI/ });
  await expect(link).toHaveAttribute('href', 'https://platform.openai.com/docs/guides/chatkit');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  const ada = frame.getByRole('button', { name: 'Ada Lovelace Person' });
  await ada.hover();
  await expect(frame.getByRole('tooltip')).toHaveText('Preview of Ada Lovelace');
  await ada.click();
  await expect.poll(() => log(page, 'entityClicks')).toEqual([{ id: 'person_ada', title: 'Ada Lovelace', icon: 'profile', interactive: true, data: { born: '1815' } }]);
  await ada.focus();
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('tooltip')).toHaveCount(0);
  await expect(frame.getByRole('dialog')).toBeVisible();
  expect(await log(page, 'previewRequests')).toEqual(['person_ada']);
});

test('a client tool runs on the host page and the agent continues with its result', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'run the client tool');
  await expect(said(frame, /^The page you are on is Items test page at http:\/\/site\.test:\d+\/items-host\.html\.$/)).toBeVisible();
  expect(await log(page, 'toolCalls')).toEqual([{ name: 'get_page_info', params: { fields: ['title', 'url'] } }]);
  await expect(frame.getByText('Running get_page_info…')).toHaveCount(0);
  expect(await log(page, 'errors')).toEqual([]);
});

test('structured input takes over the composer, with an "Other" answer, and the agent uses the answers', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'ask me structured questions');
  const prompt = frame.getByRole('form', { name: 'Answer the assistant’s questions' });
  await expect(prompt).toBeVisible();
  // The prompt is where the composer was: the text box is gone until it is answered, and focus is in the prompt.
  await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toHaveCount(0);
  await expect(frame.locator('.ck-thread .ck-si')).toHaveCount(0);
  await expect(prompt.getByRole('radio').first()).toBeFocused();
  const colour = prompt.getByRole('group', { name: 'Which colour do you prefer?' });
  await colour.getByRole('radio', { name: 'Green' }).check();
  await colour.getByRole('radio', { name: 'Other' }).check();
  await expect(colour.getByRole('radio', { name: 'Green' })).not.toBeChecked();
  await colour.getByRole('textbox', { name: 'Other answer to: Which colour do you prefer?' }).fill('Teal');
  const topics = prompt.getByRole('group', { name: 'Which topics interest you?' });
  await expect(topics.getByRole('radio')).toHaveCount(0);
  await topics.getByRole('checkbox', { name: 'Uploads' }).check();
  await topics.getByRole('checkbox', { name: 'Widgets' }).check();
  await prompt.getByRole('textbox', { name: 'Anything else?' }).fill('More demos');
  await frame.locator('.ck-panel').screenshot({ path: test.info().outputPath('structured-prompt.png') });
  await prompt.getByRole('button', { name: 'Submit' }).click();
  await expect(frame.locator('.ck-si-answers dd')).toHaveText(['Teal', 'Widgets, Uploads', 'More demos']);
  await expect(prompt).toHaveCount(0);
  await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toBeFocused();
  await expect(frame.locator('.ck-assistant').last()).toContainText('Which colour do you prefer? Teal');
});

test('a turn of two widgets and a message shows one set of actions, after its last item, copying the whole turn', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await frame.evaluate(() => {
    const w = window as unknown as { copied: string[] };
    w.copied = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void w.copied.push(t) } });
  });
  await send(frame, 'show a widget');
  await expect(said(frame, /^Press a button or fill in the form/)).toBeVisible();
  await expect(frame.locator('.ck-actions')).toHaveCount(1);
  await expect(frame.locator('.ck-assistant').last().locator('.ck-actions')).toHaveCount(1);
  await frame.getByRole('button', { name: 'Copy' }).click();
  await expect(frame.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await frame.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
    'Tea or coffee?\n\nOrder a drink\n\nPress a button or fill in the form: the server replaces the widget and answers.',
  ]);
  await send(frame, 'hello there');
  await expect(said(frame, /hello there/)).toBeVisible();
  await expect(frame.locator('.ck-actions')).toHaveCount(2);
});

test('a form widget posts its values to the server, which replaces the widget', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'show the form');
  const form = frame.locator('.ck-w').last();
  await form.getByRole('textbox', { name: 'Your name' }).fill('Ada');
  await form.getByRole('checkbox', { name: 'Oat milk' }).check();
  // The pick-up day from the calendar: tomorrow, by keyboard (the demo's min is today).
  await form.getByRole('button', { name: 'Pick-up day (optional)' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  const day = await form.locator('input[name="day"]').inputValue();
  const tomorrow = await frame.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  expect(day).toBe(tomorrow);
  await form.getByRole('button', { name: 'Order' }).click();
  await expect(form.getByRole('heading', { name: 'Order received' })).toBeVisible();
  await expect(form).toContainText(`A medium drink for Ada, with oat milk, to pick up on ${day}.`);
  await expect(frame.getByRole('button', { name: 'Order' })).toHaveCount(0);
  await expect(said(frame, `Order received: A medium drink for Ada, with oat milk, to pick up on ${day}.`)).toBeVisible();
});

test('a client widget action reaches the host’s widgets.onAction and nothing else', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  await send(frame, 'show a widget');
  await expect(said(frame, /^Press a button or fill in the form/)).toBeVisible();
  await frame.getByRole('button', { name: 'Tell the page' }).click();
  await expect.poll(() => log(page, 'widgetActions')).toHaveLength(1);
  const [entry] = (await log(page, 'widgetActions')) as { action: unknown; id: string; root: string }[];
  expect(entry?.action).toEqual({ type: 'demo.share', payload: { from: 'demo' } });
  expect([typeof entry?.id, entry?.root]).toEqual(['string', 'Card']);
  await expect(frame.getByRole('heading', { name: 'Tea or coffee?' })).toBeVisible();
  // One Copy for the whole turn, after its last item (the message), none under each widget.
  await expect(frame.locator('.ck-widget-item').getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await expect(frame.locator('.ck-assistant').last().getByRole('button', { name: 'Copy' })).toBeVisible();
  expect(await log(page, 'errors')).toEqual([]);
});

slowTest('a generated image shows progress with partial previews, then the final image', async ({ page, slow }) => {
  const frame = await openChat(page, slow.hostUrl);
  await send(frame, 'draw an image');
  const progress = frame.getByRole('progressbar', { name: 'Generating image…' });
  // Each stage lasts about 400 ms: poll faster than Playwright's default back-off.
  const fast = { intervals: [50] };
  await expect.poll(() => progress.getAttribute('aria-valuenow'), fast).toBe('33');
  await expect.poll(() => frame.locator('img.ck-image-preview').getAttribute('src'), fast).toMatch(/^data:image\/png;base64,/);
  await expect.poll(() => progress.getAttribute('aria-valuenow'), fast).toBe('66');
  await expect(frame.getByRole('img', { name: 'Generated image' })).toBeVisible();
  await expect(frame.getByRole('progressbar')).toHaveCount(0);
  await expect(said(frame, 'Here is your (very small) generated image.')).toBeVisible();
});

test('a thread changed outside the chat shows the new items when the page becomes visible again', async ({ page, demo }) => {
  const frame = await openChat(page, demo.hostUrl);
  const created = page.waitForResponse((r) => r.url().endsWith('/chatkit') && (r.request().postDataJSON() as { type: string }).type === 'threads.create');
  await send(frame, 'hello from this tab');
  await expect(said(frame, /hello from this tab/)).toBeVisible();
  const id = /"type":"thread\.created","thread":\{"id":"([^"]+)"/.exec(await (await created).text())?.[1];
  expect(id).toMatch(/^thr_/);
  const listed: unknown[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/chatkit') && (r.postDataJSON() as { type: string }).type === 'items.list') listed.push(r.postDataJSON());
  });
  // Another client (a second tab, a back-office tool) adds a turn to the same thread.
  const other = await page.evaluate(async (threadId) => {
    const body = { type: 'threads.add_user_message', params: { thread_id: threadId, input: { content: [{ type: 'input_text', text: 'hello from elsewhere' }], attachments: [], inference_options: {} } } };
    const r = await fetch('/chatkit', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await r.text();
    return r.ok;
  }, id);
  expect(other).toBe(true);
  await expect(frame.locator('.ck-user-bubble')).toHaveCount(1);
  // The tab is hidden, then shown again.
  for (const state of ['hidden', 'visible']) {
    await frame.evaluate((s) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, value: s });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  }
  await expect(frame.locator('.ck-user-bubble')).toHaveText(['hello from this tab', 'hello from elsewhere']);
  await expect(said(frame, /hello from elsewhere/)).toBeVisible();
  expect(listed).toHaveLength(1);
  expect(listed[0]).toMatchObject({ type: 'items.list', params: { thread_id: id, order: 'asc' } });
  expect((listed[0] as { params: { after?: string } }).params.after).toMatch(/./);
});
