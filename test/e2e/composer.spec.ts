/**
 * The composer against the real demo backend: tool and model choice reaching `inference_options`, @-mentions
 * answered by a host function across the bridge, commands, attachments with both upload strategies (and a file
 * refused before upload), and dictation without a microphone.
 */
import type { Frame, Page, Request } from '@playwright/test';
import { wcagViolations as violations } from './a11y-kit.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';


type Body = { type: string; params: Record<string, unknown> };

/** Records every ChatKit API request body and every other request to the backend's folder. */
function record(page: Page) {
  const api: Body[] = [];
  const other: { method: string; path: string }[] = [];
  page.on('request', (req: Request) => {
    const url = new URL(req.url());
    if (!/^\/chatkit(\/|$)/.test(url.pathname) || req.method() === 'OPTIONS') return;
    if (url.pathname === '/chatkit') api.push(req.postDataJSON() as Body);
    else other.push({ method: req.method(), path: url.pathname });
  });
  return { api, other };
}

async function open(page: Page, url: string): Promise<Frame> {
  await page.goto(url);
  const frame = await widgetFrame(page);
  await expect(frame.getByRole('button', { name: 'Tools' })).toBeVisible();
  return frame;
}

const sent = (api: Body[]) => api.filter((b) => b.type === 'threads.create' || b.type === 'threads.add_user_message').map((b) => b.params.input as Record<string, unknown>);

test('the tool menu and the model picker reach inference_options; Escape closes a menu, not the panel', async ({ page, demo }) => {
  const { api } = record(page);
  const frame = await open(page, `${demo.hostUrl}composer-features.html`);
  await frame.getByRole('button', { name: 'Tools' }).click();
  await expect(frame.getByRole('menuitemradio', { name: 'Search the web' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(frame.getByRole('menu')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Tools' })).toBeFocused();
  await expect(frame.getByRole('dialog')).toBeVisible();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const composer = frame.getByRole('textbox', { name: 'Search the web for…' });
  await expect(composer).toBeVisible();
  await expect(frame.locator('.ck-tool-chip')).toHaveText('Search');

  const picker = frame.getByRole('button', { name: 'Model: Smart' });
  await picker.click();
  await expect(frame.getByRole('menuitemradio', { name: 'Legacy' })).toBeDisabled();
  await frame.getByRole('menuitemradio', { name: /Fast/ }).click();
  await expect(frame.getByRole('button', { name: 'Model: Fast' })).toBeVisible();

  await composer.fill('hello tools');
  await composer.press('Enter');
  await expect(frame.getByText('hello tools', { exact: true }).first()).toBeVisible();
  await expect.poll(() => sent(api)).toEqual([
    { content: [{ type: 'input_text', text: 'hello tools' }], attachments: [], inference_options: { tool_choice: { id: 'search' }, model: 'fast' } },
  ]);
  // Not persistent: cleared after sending.
  await expect(frame.getByRole('textbox', { name: 'Message the AI' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { toolChanges: unknown[] }).toolChanges)).toEqual(['search', null]);
});

test('@-mentions come from the host onTagSearch and are sent as input_tag parts', async ({ page, demo }) => {
  const { api } = record(page);
  const frame = await open(page, `${demo.hostUrl}composer-features.html`);
  const composer = frame.getByRole('textbox', { name: 'Message the AI' });
  await composer.click();
  await composer.pressSequentially('Ask @a');
  const list = frame.getByRole('listbox', { name: 'Mention' });
  await expect(list.getByRole('group', { name: 'People' }).getByRole('option')).toHaveText(['Ana Lima', 'Alan Turing']);
  await expect(list.getByRole('group', { name: 'Docs' }).getByRole('option')).toHaveText(['Roadmap']);
  await composer.press('ArrowDown');
  await composer.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(frame.locator('.ck-tag-chip')).toHaveText('Alan Turing');
  await expect(composer).toHaveValue('Ask ');
  expect((await page.evaluate(() => (window as unknown as { searches: string[] }).searches)).at(-1)).toBe('a');

  await composer.pressSequentially('@ro');
  await expect(list.getByRole('option')).toHaveText(['Roadmap']);
  await composer.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(frame.getByRole('dialog')).toBeVisible();
  await composer.press('Backspace');
  await composer.press('Backspace');
  await composer.press('Backspace');
  await composer.pressSequentially('please');
  await composer.press('Enter');
  await expect.poll(() => sent(api)).toEqual([
    {
      content: [
        // In the order typed: the tag sits where it was picked (ChatKit sends parts this way).
        { type: 'input_text', text: 'Ask ' },
        { type: 'input_tag', id: 'u_alan', text: 'Alan Turing', data: { email: 'alan@example.com' }, group: 'People', interactive: false },
        { type: 'input_text', text: ' please' },
      ],
      attachments: [],
      inference_options: { model: 'smart' },
    },
  ]);
});

test('the preview of a tag in a sent (right-aligned) message stays inside the panel', async ({ page, demo }) => {
  const frame = await open(page, `${demo.hostUrl}composer-features.html`);
  const composer = frame.getByRole('textbox', { name: 'Message the AI' });
  await composer.click();
  await composer.pressSequentially('Ask @ken');
  await expect(frame.getByRole('listbox', { name: 'Mention' }).getByRole('option')).toHaveText(['Ken Thompson']);
  await composer.press('Enter');
  await composer.press('Enter');
  const tag = frame.locator('.ck-user-bubble .ck-entity').first();
  await expect(tag).toBeVisible();
  await tag.hover();
  const preview = frame.getByRole('tooltip');
  await expect(preview).toContainText('A long preview of Ken Thompson');
  await expect(preview).toHaveCSS('visibility', 'visible');
  const panel = (await frame.locator('.ck-panel').boundingBox())!;
  const box = (await preview.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(panel.x);
  expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
  expect(box.y + box.height).toBeLessThanOrEqual(panel.y + panel.height);
});

test('the "@" button opens the search; "/" opens commands whose entity answer becomes a tag', async ({ page, demo }) => {
  const frame = await open(page, `${demo.hostUrl}composer-features.html`);
  await frame.getByRole('button', { name: 'Mention' }).click();
  const composer = frame.getByRole('textbox', { name: 'Message the AI' });
  await expect(composer).toHaveValue('@');
  await expect(frame.getByRole('listbox', { name: 'Mention' }).getByRole('option')).toHaveCount(4);
  await composer.fill('');
  await composer.pressSequentially('/ment');
  const commands = frame.getByRole('listbox', { name: 'Commands' });
  await expect(commands.getByRole('group', { name: 'Docs' }).getByRole('option')).toHaveText(['Mention the roadmap']);
  await composer.press('Enter');
  await expect(frame.locator('.ck-tag-chip')).toHaveText('Roadmap');
  await expect(composer).toHaveValue('');
});

test('"/" also offers the composer’s own actions: a tool, attach files, mention', async ({ page, demo }) => {
  const frame = await open(page, `${demo.hostUrl}composer-features.html?strategy=direct`);
  const composer = frame.getByRole('textbox', { name: 'Message the AI' });
  await composer.pressSequentially('/');
  const own = frame.getByRole('listbox', { name: 'Commands' }).getByRole('group', { name: 'Composer' }).getByRole('option');
  await expect(own).toHaveText(['Search the web', 'Draw a picture', 'Attach file', 'Mention']);
  await frame.locator('.ck-panel').screenshot({ path: test.info().outputPath('slash-menu.png') });
  await composer.pressSequentially('dra');
  await expect(own).toHaveText(['Draw a picture']);
  await composer.press('Enter');
  await expect(composer).toHaveValue('');
  await expect(frame.getByRole('button', { name: 'Tools' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { toolChanges: string[] }).toolChanges)).toEqual(['draw']);
  await composer.pressSequentially('/attach');
  await expect(own).toHaveText(['Attach file']);
  const chooser = page.waitForEvent('filechooser');
  await composer.press('Enter');
  await (await chooser).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello attachments') });
  await expect(frame.locator('.ck-attachment')).toHaveAttribute('data-status', 'done');
  await composer.pressSequentially('/mention');
  // The host's "Mention the roadmap" matches too and comes first: the arrow moves to the built-in one.
  await expect(own).toHaveText(['Mention']);
  await composer.press('ArrowDown');
  await composer.press('Enter');
  await expect(composer).toHaveValue('@');
  await expect(frame.getByRole('listbox', { name: 'Mention' }).getByRole('option')).toHaveCount(4);
});

for (const strategy of ['direct', 'two_phase'] as const) {
  test(`attachments upload with the ${strategy} strategy and are sent with the message`, async ({ page, demo }) => {
    const { api, other } = record(page);
    const frame = await open(page, `${demo.hostUrl}composer-features.html?strategy=${strategy}`);
    await frame.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello attachments') });
    const chip = frame.locator('.ck-attachment');
    await expect(chip).toHaveAttribute('data-status', 'done');
    await expect(frame.getByRole('button', { name: 'Remove notes.txt' })).toBeVisible();
    const composer = frame.getByRole('textbox', { name: 'Message the AI' });
    await composer.fill('what did I attach?');
    await composer.press('Enter');
    await expect(chip).toHaveCount(0);
    const message = sent(api)[0];
    expect((message?.attachments as string[]).length).toBe(1);
    const id = (message?.attachments as string[])[0];
    if (strategy === 'two_phase') {
      expect(api[0]).toEqual({ type: 'attachments.create', params: { name: 'notes.txt', size: 17, mime_type: 'text/plain' } });
      expect(other).toEqual([{ method: 'PUT', path: `/chatkit/uploads/${id}` }]);
    } else {
      expect(api.map((b) => b.type)).toEqual(['threads.create']);
      expect(other).toEqual([{ method: 'POST', path: '/chatkit/upload' }]);
    }
    await expect(frame.getByRole('listitem').filter({ hasText: 'notes.txt: text/plain, 17 B' })).toBeVisible();
  });
}

test('removing an uploaded attachment deletes it on the server', async ({ page, demo }) => {
  const { api } = record(page);
  const frame = await open(page, `${demo.hostUrl}composer-features.html?strategy=two_phase`);
  await frame.locator('input[type="file"]').setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') });
  await expect(frame.locator('.ck-attachment')).toHaveAttribute('data-status', 'done');
  await frame.getByRole('button', { name: 'Remove a.txt' }).click();
  await expect(frame.locator('.ck-attachment')).toHaveCount(0);
  await expect.poll(() => api.map((b) => b.type)).toEqual(['attachments.create', 'attachments.delete']);
  expect(api[1]?.params.attachment_id).toMatch(/^atc_|^att/);
});

test('a file over the size limit is refused before any upload, with a clear message', async ({ page, demo }) => {
  const { api, other } = record(page);
  const frame = await open(page, `${demo.hostUrl}composer-features.html?maxSize=1024`);
  await frame.locator('input[type="file"]').setInputFiles({ name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(4096) });
  await expect(frame.getByRole('alert')).toHaveText('big.bin is larger than 1 kB.');
  await expect(frame.locator('.ck-attachment')).toHaveCount(0);
  expect([api, other]).toEqual([[], []]);
});

test('dictation says it is unavailable when the browser has no microphone to open', async ({ page, demo }) => {
  // Headless Chromium has no capture device, so getUserMedia fails with NotFoundError. (The denied path — the
  // iframe without allow="microphone", or the user saying no — is covered by the unit tests.)
  const frame = await open(page, `${demo.hostUrl}composer-features.html`);
  await frame.getByRole('button', { name: 'Dictate' }).click();
  await expect(frame.getByRole('alert')).toHaveText('Dictation isn’t available here.');
  await expect(frame.getByRole('button', { name: 'Dictate' })).toBeEnabled();
});

test('the toolbar, chips, notices, an open menu and an open suggestion list have no axe violations, light and dark', async ({ page, demo }) => {
  const frame = await open(page, `${demo.hostUrl}composer-features.html?maxSize=100`);
  await frame.getByRole('button', { name: 'Tools' }).click();
  await frame.getByRole('menuitemradio', { name: 'Search the web' }).click();
  await frame.locator('input[type="file"]').setInputFiles([
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') },
    { name: 'big.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(500) },
  ]);
  await expect(frame.locator('.ck-attachment')).toHaveAttribute('data-status', 'done');
  const composer = frame.getByRole('textbox');
  await composer.pressSequentially('@a');
  await expect(frame.getByRole('option')).toHaveCount(3);
  expect(await violations(frame)).toEqual([]);
  await composer.press('Enter');
  await frame.getByRole('button', { name: 'Model: Smart' }).click();
  expect(await violations(frame)).toEqual([]);
  await page.keyboard.press('Escape');
  await frame.evaluate(() => document.documentElement.setAttribute('data-color-scheme', 'dark'));
  expect(await violations(frame)).toEqual([]);
});
