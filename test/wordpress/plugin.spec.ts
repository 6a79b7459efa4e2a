/**
 * Chat Widget for ChatKit in a real WordPress (one run per project: WordPress 6.2 and the newest release), driven
 * as a site owner would: upload the zip, activate, fill the settings form, look at the site; then the visibility
 * rules, the shortcode and the block, a strict CSP, consent, and deactivate + delete. The steps share one site, in
 * order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { chat, createPage, expect, floatingFrame, logIn, restNonce, saveSettings, settingsUrl, storedSettings, test } from './support/fixtures.ts';

const zip = join(import.meta.dirname, '../../wordpress/build/chat-widget-for-chatkit.zip');
const shots = join(import.meta.dirname, '../../test-results/wordpress');

test.describe.configure({ mode: 'serial' });

let page: Page;
const pages: Record<string, { id: number; link: string }> = {};

test.beforeAll(async ({ browser, site }) => {
  page = await browser.newPage();
  await logIn(page, site);
});

test.afterAll(async () => {
  await page?.close();
});

/** The loader's tag as WordPress printed it (attribute name → value), or null. */
async function loaderTag(p: Page, url: string): Promise<Record<string, string> | null> {
  const html = await (await p.request.get(url)).text();
  const tag = /<script\b[^>]*\bid=['"]cwfc-loader-js['"][^>]*>/.exec(html)?.[0];
  if (!tag) return null;
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-z-]+)(?:=(?:"([^"]*)"|'([^']*)'))?/g)) attrs[m[1]!] = (m[2] ?? m[3] ?? '').replaceAll('&quot;', '"').replaceAll('&#039;', "'").replaceAll('&amp;', '&');
  return attrs;
}

test('the zip uploads and activates from the Plugins screen, and WordPress asks for the API URL', async ({ site }) => {
  expect(existsSync(zip), 'run node wordpress/build.mjs first').toBe(true);
  await page.goto(`${site.url}wp-admin/plugin-install.php?tab=upload`);
  await page.locator('input[name="pluginzip"]').setInputFiles(zip);
  await page.getByRole('button', { name: 'Install Now' }).click();
  await expect(page.getByText('Plugin installed successfully.')).toBeVisible();
  await page.getByRole('link', { name: 'Activate Plugin' }).click();
  await expect(page.locator('#cwfc-missing-api-url')).toHaveText(
    'Chat Widget for ChatKit is not shown on your site yet: enter your ChatKit API URL in Settings → Chat Widget.',
  );
  const row = page.locator('tr[data-slug="chat-widget-for-chatkit"]');
  await expect(row.getByRole('link', { name: 'Settings' })).toHaveAttribute('href', settingsUrl(site));
  // Nothing on the site until the API URL is set.
  expect(await loaderTag(page, site.url)).toBeNull();
  expect(storedSettings(site)).toMatchObject({ api_url: '', storage: 'local', history: true });
});

test('the settings form saves every field, refuses bad JSON with the reason and keeps the previous value', async ({ site, demo }) => {
  await page.goto(settingsUrl(site));
  await expect(page.locator('#cwfc-missing-api-url')).toBeVisible();
  const saved = await saveSettings(page, site, {
    'ChatKit API URL': `${demo.hostUrl}chatkit`,
    Title: 'Northwind help',
    Greeting: 'Hello from WordPress',
    Placeholder: 'Ask the shop',
    'Accent colour': '#0A7D5A',
    Side: 'left',
    Feedback: true,
    'Advanced options (JSON)': '{"theme": {"radius": "soft"}}',
  });
  expect(saved).toContain('Settings saved.');
  await expect(page.locator('#cwfc-missing-api-url')).toHaveCount(0);

  const refused = await saveSettings(page, site, {
    Title: 'Northwind support',
    'Accent colour': 'green',
    'Advanced options (JSON)': '{"theme": {"radius": "soft",}}',
  });
  expect(refused).toContain('Advanced options were not saved: it is not valid JSON (Syntax error). The previous value is kept.');
  expect(refused).toContain('Accent colour: expected a hex colour such as #1a73e8, got “green”. The previous value is kept.');
  // The form shows what is stored: the previous JSON and colour; the valid change in the same submission is saved.
  await expect(page.getByLabel('Advanced options (JSON)')).toHaveValue('{"theme": {"radius": "soft"}}');
  await expect(page.getByLabel('Accent colour')).toHaveValue('#0a7d5a');
  await expect(page.getByLabel('Title')).toHaveValue('Northwind support');
  expect(storedSettings(site)).toMatchObject({
    api_url: `${demo.hostUrl}chatkit`,
    title: 'Northwind support',
    accent: '#0a7d5a',
    side: 'left',
    feedback: true,
    advanced: '{"theme": {"radius": "soft"}}',
  });

  const notJsonObject = await saveSettings(page, site, { 'Advanced options (JSON)': '["soft"]', 'ChatKit API URL': 'javascript:alert(1)' });
  expect(notJsonObject).toContain('Advanced options were not saved: expected a JSON object such as {"theme": {"radius": "soft"}}, got a JSON array. The previous value is kept.');
  expect(notJsonObject).toContain('ChatKit API URL: expected an http(s) URL such as https://chat.example.com/chatkit, or a path on this site such as /chatkit, got “javascript:alert(1)”. The previous value is kept.');
  expect(storedSettings(site)).toMatchObject({ api_url: `${demo.hostUrl}chatkit`, advanced: '{"theme": {"radius": "soft"}}' });
  await page.locator('#wpbody-content').screenshot({ path: join(shots, `settings-${site.version}.png`) });
});

test('the front page gets one async script tag with the settings, and the chat answers, streamed', async ({ site, wpBranch }) => {
  const tag = await loaderTag(page, site.url);
  expect(tag).toMatchObject({
    async: '',
    'data-api-url': expect.stringMatching(/\/chatkit$/),
    'data-title': 'Northwind support',
    'data-greeting': 'Hello from WordPress',
    'data-placeholder': 'Ask the shop',
    'data-accent': '#0a7d5a',
    'data-side': 'left',
    'data-locale': 'en-US',
    'data-color-scheme': 'light',
    'data-history': 'true',
    'data-feedback': 'true',
    'data-attachments': 'false',
    'data-storage': 'local',
    'data-options': '{"theme":{"radius":"soft"}}',
  });
  expect(tag!.src).toBe(`${site.url}wp-content/plugins/chat-widget-for-chatkit/widget/chatkit.js?ver=0.1.0`);
  // 6.3+ prints async from the enqueue strategy (and says so); 6.2 gets it from the plugin's rebuilt tag.
  if (wpBranch === '6.2') expect(tag!['data-wp-strategy']).toBeUndefined();
  else expect(tag!['data-wp-strategy']).toBe('async');

  const streams: Response[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/chatkit') && (r.headers()['content-type'] ?? '').startsWith('text/event-stream')) streams.push(r);
  });
  await page.goto(site.url);
  const frame = await floatingFrame(page);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await expect(frame.getByRole('heading', { name: 'Hello from WordPress' })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Ask the shop' })).toBeFocused();
  await chat(frame, 'Hello from the WordPress front page');
  expect(streams.length).toBeGreaterThan(0);
  const box = await page.locator('body > iframe').boundingBox();
  expect(box!.x).toBe(20); // data-side="left"
  await page.screenshot({ path: join(shots, `front-page-${site.version}.png`) });
});

test('a widget URL of your own (self-hosted, CDN) replaces the bundled copy', async ({ site, demo }) => {
  await saveSettings(page, site, { 'Widget script URL': `${demo.widgetUrl}chatkit.js` });
  const tag = await loaderTag(page, site.url);
  expect(tag!.src).toBe(`${demo.widgetUrl}chatkit.js`); // no ?ver= on someone else's URL
  await page.goto(site.url);
  const frame = await floatingFrame(page);
  expect(new URL((await page.locator('body > iframe').getAttribute('src'))!).origin).toBe(new URL(demo.widgetUrl).origin);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await chat(frame, 'Hello from a copy on another origin');
  const refused = await saveSettings(page, site, { 'Widget script URL': 'chatkit.js' });
  expect(refused).toContain('Widget script URL: expected an http(s) URL such as https://cdn.example.com/chatkit.js, got “chatkit.js”. The previous value is kept.');
  await saveSettings(page, site, { 'Widget script URL': '' });
  expect((await loaderTag(page, site.url))!.src).toContain('/wp-content/plugins/chat-widget-for-chatkit/widget/chatkit.js');
});

test('visibility rules: listed pages, logged-out visitors and roles; never in the admin', async ({ site, request }) => {
  await page.goto(`${site.url}wp-admin/options-permalink.php`);
  await page.getByLabel('Post name').check();
  await page.getByRole('button', { name: 'Save Changes' }).click();
  await expect(page.getByText('Permalink structure updated.')).toBeVisible();
  pages.contact = await createPage(page.request, site, 'Contact', '<!-- wp:paragraph --><p>Write to us.</p><!-- /wp:paragraph -->');
  pages.shop = await createPage(page.request, site, 'Shop', '<!-- wp:paragraph --><p>Things.</p><!-- /wp:paragraph -->');
  expect(pages.contact.link).toBe(`${site.url}contact/`);

  expect(await loaderTag(page, `${site.url}wp-admin/`)).toBeNull();
  expect(await (await page.request.get(`${site.url}wp-admin/`)).text()).not.toContain('chatkit.js');

  await saveSettings(page, site, { 'Show the floating chat': 'except', Pages: `${pages.contact.id}` });
  expect(await loaderTag(page, pages.contact.link)).toBeNull();
  expect(await loaderTag(page, pages.shop.link)).not.toBeNull();

  await saveSettings(page, site, { 'Show the floating chat': 'only', Pages: '/shop/\n/' });
  expect(await loaderTag(page, pages.contact.link)).toBeNull();
  expect(await loaderTag(page, pages.shop.link)).not.toBeNull();
  expect(await loaderTag(page, site.url)).not.toBeNull();

  const refused = await saveSettings(page, site, { Pages: '/shop/\nshop page' });
  expect(refused).toContain('Pages: each line must be a page ID (such as 42) or a path starting with / (such as /contact/ or /shop/*). Not understood: shop page. The previous list is kept.');

  // Logged out (the fixture's `request` has no cookies) and logged in, with the logged-out rule on.
  await saveSettings(page, site, { 'Show the floating chat': 'all', 'Logged-out visitors': true });
  expect(await loaderTag(page, site.url)).not.toBeNull();
  const html = await (await request.get(site.url)).text();
  expect(html).toContain('wp-content/themes/'); // a real front page
  expect(html).not.toContain('cwfc-loader-js');

  await saveSettings(page, site, { 'Logged-out visitors': false }, { Administrator: true });
  expect(await loaderTag(page, site.url)).toBeNull();
  expect(await (await request.get(site.url)).text()).toContain('cwfc-loader-js');
  await saveSettings(page, site, {}, { Administrator: false });
  expect(storedSettings(site)).toMatchObject({ visibility: 'all', hide_logged_out: false, hide_roles: {}, pages: '/shop/\n/' });

  // A post preview (opened from the editor) does not get the floating chat.
  const draft = await createPage(page.request, site, 'Draft', '<!-- wp:paragraph --><p>Soon.</p><!-- /wp:paragraph -->', 'draft');
  const preview = await (await page.request.get(`${site.url}?page_id=${draft.id}&preview=true`)).text();
  expect(preview).toContain('Soon.');
  expect(preview).not.toContain('cwfc-loader-js');
});

test('the shortcode and the block render inline chats with validated per-instance attributes', async ({ site }) => {
  pages.shortcode = await createPage(
    page.request,
    site,
    'Shortcode chat',
    '<!-- wp:shortcode -->[chatkit_widget height="large" greeting="Shortcode hello" placeholder="Ask inline" accent="#0A7" color_scheme="purple" history="maybe" title="x&quot;&gt;&lt;img src=y onerror=alert(1)&gt;"]<!-- /wp:shortcode -->',
  );
  pages.block = await createPage(
    page.request,
    site,
    'Block chat',
    '<!-- wp:chat-widget-for-chatkit/chat {"height":"small","greeting":"Block hello","colorScheme":"dark","history":false} /-->',
  );

  await page.goto(pages.shortcode.link);
  const inline = page.locator('openai-chatkit');
  await expect(inline).toHaveCount(1);
  await expect(inline).toHaveClass('cwfc-inline cwfc-inline--large');
  await expect(inline).toHaveAttribute('data-greeting', 'Shortcode hello');
  await expect(inline).toHaveAttribute('data-accent', '#0a7');
  await expect(inline).toHaveAttribute('data-color-scheme', 'light'); // "purple" is not a scheme: the setting applies
  await expect(inline).toHaveAttribute('data-history', 'true'); // "maybe" is not a boolean
  await expect(inline).toHaveAttribute('data-title', 'x">');
  await expect(inline).toHaveAttribute('data-instance', 'wp-inline');
  await expect(page.locator('img[src="y"]')).toHaveCount(0);
  expect((await inline.boundingBox())!.height).toBe(800);
  const frame = (await (await inline.locator('iframe').elementHandle())!.contentFrame())!;
  await expect(frame.getByRole('heading', { name: 'Shortcode hello' })).toBeVisible();
  await chat(frame, 'Hello from a shortcode');

  await page.goto(pages.block.link);
  const block = page.locator('.wp-block-chat-widget-for-chatkit-chat > openai-chatkit');
  await expect(block).toHaveClass('cwfc-inline cwfc-inline--small');
  await expect(block).toHaveAttribute('data-color-scheme', 'dark');
  await expect(block).toHaveAttribute('data-history', 'false');
  expect((await block.boundingBox())!.height).toBe(420);
  const blockFrame = (await (await block.locator('iframe').elementHandle())!.contentFrame())!;
  await expect(blockFrame.getByRole('heading', { name: 'Block hello' })).toBeVisible();

  // Where the floating chat is off, the page still gets the loader, without configuration, for the inline chat.
  await saveSettings(page, site, { 'Show the floating chat': 'except', Pages: `${pages.block.id}` });
  const bare = await loaderTag(page, pages.block.link);
  expect(bare).not.toBeNull();
  expect(Object.keys(bare!).filter((k) => k.startsWith('data-') && k !== 'data-wp-strategy')).toEqual([]);
  await page.goto(pages.block.link);
  await expect(page.locator('openai-chatkit iframe')).toHaveCount(1);
  await expect(page.locator('openai-chatkit iframe').contentFrame().getByRole('heading', { name: 'Block hello' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(1); // no floating launcher
  await saveSettings(page, site, { 'Show the floating chat': 'all', Pages: '' });

  // The block editor renders the block through REST: a placeholder there, never the live chat.
  const nonce = await restNonce(page.request, site);
  const res = await page.request.get(
    `${site.url}?rest_route=/wp/v2/block-renderer/chat-widget-for-chatkit/chat&context=edit&attributes[height]=small`,
    { headers: { 'X-WP-Nonce': nonce } },
  );
  expect(res.status()).toBe(200);
  const rendered = ((await res.json()) as { rendered: string }).rendered;
  expect(rendered).toContain('Chat widget: the live chat appears here on the published page.');
  expect(rendered).not.toContain('openai-chatkit');
});

test('a strict-CSP page with the nonce filter: nonced tags and zero violations, floating and inline', async ({ site, browser }) => {
  await saveSettings(page, site, { 'Early calls': true });
  // A visitor (logged out: no admin bar).
  const visitor = await (await browser.newContext()).newPage();
  const violations: string[] = [];
  await visitor.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await visitor.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  const url = `${pages.block!.link}?csp=strict`;
  const response = await visitor.goto(url);
  const csp = response!.headers()['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const html = await response!.text();
  expect(html).toMatch(new RegExp(`<script[^>]*id=["']cwfc-loader-js-before["'][^>]*nonce=["']${nonce!.replace(/[+/=]/g, '\\$&')}["']`));
  expect(html).toMatch(new RegExp(`<script[^>]*id=["']cwfc-loader-js["'][^>]*nonce=["']${nonce!.replace(/[+/=]/g, '\\$&')}["']`));

  // (A stub blocked by the policy would be a violation below.)
  await visitor.evaluate(() => (window as unknown as { ChatKit: { open(): Promise<void> } }).ChatKit.open());
  const frame = await floatingFrame(visitor);
  await chat(frame, 'Hello under a strict CSP');
  const inlineFrame = (await (await visitor.locator('openai-chatkit iframe').elementHandle())!.contentFrame())!;
  await expect(inlineFrame.getByRole('textbox', { name: 'Ask the shop' })).toBeVisible();
  // (The init script runs in the frames too: their violations reach the same recorder.)
  await visitor.waitForTimeout(300);
  expect(violations).toEqual([]);
  await visitor.context().close();
  await saveSettings(page, site, { 'Early calls': false });
});

test('consent: nothing is stored until the hook grants it, and withdrawing removes what was stored', async ({ site, browser }) => {
  await saveSettings(page, site, { 'Wait for consent': true, 'Remember the conversation': 'session' });
  const tag = await loaderTag(page, site.url);
  expect(tag!['data-storage']).toBe('none');
  const html = await (await page.request.get(site.url)).text();
  expect(html).toMatch(/<script[^>]*data-storage=["']session["'][^>]*data-category=["']functional["'][^>]*>|<script[^>]*consent\.js[^>]*data-storage=["']session["']/);

  // A visitor chats before consenting: the site's storage stays empty.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(site.url);
  const frame = await floatingFrame(visitor);
  await frame.getByRole('button', { name: 'Open chat' }).click();
  await chat(frame, 'Hello before consent');
  const kept = (): Promise<{ local: string[]; session: string[] }> =>
    visitor.evaluate(() => ({
      local: Object.keys(localStorage).filter((k) => k.startsWith('chatkit:')),
      session: Object.keys(sessionStorage).filter((k) => k.startsWith('chatkit:')),
    }));
  expect(await kept()).toEqual({ local: [], session: [] });

  // Consent (the plugin's JS hook): the thread id is kept, in session storage as configured.
  await visitor.evaluate(() => (window as unknown as { ChatWidgetForChatKit: { consent(g: boolean): void } }).ChatWidgetForChatKit.consent(true));
  await expect.poll(async () => (await kept()).session.length).toBe(1);
  expect((await kept()).local).toEqual([]);
  // Withdrawn (as an event, as consent plugins may send it): removed.
  await visitor.evaluate(() => document.dispatchEvent(new CustomEvent('cwfc:consent', { detail: { granted: false } })));
  await expect.poll(kept).toEqual({ local: [], session: [] });
  // The WP Consent API's event for the configured category grants it again; another category does nothing.
  await visitor.evaluate(() => document.dispatchEvent(new CustomEvent('wp_listen_for_consent_change', { detail: { marketing: 'allow' } })));
  await visitor.waitForTimeout(300);
  expect((await kept()).session).toEqual([]);
  await visitor.evaluate(() => document.dispatchEvent(new CustomEvent('wp_listen_for_consent_change', { detail: { functional: 'allow' } })));
  await expect.poll(async () => (await kept()).session.length).toBe(1);
  await visitor.context().close();

  await saveSettings(page, site, { 'Wait for consent': false, 'Remember the conversation': 'local' });
  expect((await loaderTag(page, site.url))!['data-storage']).toBe('local');
});

test('deactivating and deleting the plugin leaves no option behind', async ({ site }) => {
  expect(storedSettings(site)).not.toBeNull();
  await page.goto(`${site.url}wp-admin/plugins.php`);
  const row = page.locator('tr[data-slug="chat-widget-for-chatkit"]');
  await row.getByRole('link', { name: /Deactivate/ }).click();
  await expect(page.getByText('Plugin deactivated.')).toBeVisible();
  await page.locator('tr[data-slug="chat-widget-for-chatkit"]').getByRole('link', { name: /Delete/ }).click();
  await page.getByRole('button', { name: 'Yes, delete these files' }).click();
  await expect(page.getByText(/was successfully deleted|plugin has been deleted|deleted/i).first()).toBeVisible();
  expect(existsSync(join(site.dir, 'wp-content/plugins/chat-widget-for-chatkit'))).toBe(false);
  expect(site.query("SELECT option_name FROM wp_options WHERE option_name LIKE '%cwfc%' OR option_value LIKE '%cwfc_%'")).toEqual([]);
  expect(await loaderTag(page, site.url)).toBeNull();
  // Through the whole run, no PHP notice, warning or error came from the plugin (WP_DEBUG_LOG is on).
  const log = join(site.dir, 'debug.log');
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
  expect(lines.filter((l) => l.includes('chat-widget-for-chatkit'))).toEqual([]);
});
