/**
 * Fixtures for the plugin tests: per worker, a real WordPress (the project's `wpBranch`) and the reference backend
 * allowing that site's origin; helpers that act through the admin's real forms.
 */
import { test as base, expect, type APIRequestContext, type Frame, type Locator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { startDemo, type Demo } from '../../e2e/support/demo.ts';
import { startSite, type Site } from './site.ts';

export const fixturesDir = join(import.meta.dirname, '../fixtures');

interface Worker {
  wpBranch: string;
  site: Site;
  demo: Demo;
}

export const test = base.extend<object, Worker>({
  wpBranch: ['6.2', { scope: 'worker', option: true }],
  site: [
    async ({ wpBranch }, use) => {
      const site = await startSite(wpBranch, [join(fixturesDir, 'cwfc-test-site.php')]);
      await use(site);
      await site.cleanup();
    },
    { scope: 'worker' },
  ],
  demo: [
    async ({ site }, use) => {
      const demo = await startDemo({ args: ['--embed-origin', site.origin] });
      await use(demo);
      await demo.cleanup();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/**
 * Logs in through wp-login.php. Filled after the page's own scripts have run, checked, and tried again (up to 3
 * times) when WordPress answers with its form: once in CI the password went out empty ("The password field is
 * empty.") because the form was filled while the login page was still loading.
 */
export async function logIn(page: Page, site: Site): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${site.url}wp-login.php`, { waitUntil: 'load' });
    await page.getByLabel('Username or Email Address').fill(site.admin.user);
    const password = page.getByLabel('Password', { exact: true });
    await password.fill(site.admin.password);
    await expect(password).toHaveValue(site.admin.password);
    await page.getByRole('button', { name: 'Log In' }).click();
    try {
      await page.waitForURL(/\/wp-admin\/?$/, { timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Values for the settings form, by field label: strings fill or select, booleans (un)check, arrays tick roles. */
export type FormValues = Record<string, string | boolean>;

export const settingsUrl = (site: Site): string => `${site.url}wp-admin/options-general.php?page=chat-widget-for-chatkit`;

/** Opens Settings → Chat Widget, sets the given fields, saves; returns the page's notices. */
export async function saveSettings(page: Page, site: Site, values: FormValues, roles?: Record<string, boolean>): Promise<string> {
  await page.goto(settingsUrl(site));
  const form = page.locator('form[action="options.php"]');
  for (const [label, value] of Object.entries(values)) {
    const field: Locator = form.getByLabel(label, { exact: true });
    if (typeof value === 'boolean') await field.setChecked(value);
    else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  for (const [role, on] of Object.entries(roles ?? {})) {
    await form.getByRole('group', { name: 'Hide for roles' }).getByLabel(role, { exact: true }).setChecked(on);
  }
  const posted = page.waitForResponse((r) => r.url().endsWith('/wp-admin/options.php') && r.request().method() === 'POST');
  // (Not waitForURL: the admin removes settings-updated=true from the address bar with history.replaceState.)
  const loaded = page.waitForEvent('load');
  await form.getByRole('button', { name: 'Save Changes' }).click();
  const res = await posted;
  expect(res.status()).toBe(302);
  expect(res.headers()['location']).toContain('settings-updated=true');
  await loaded;
  // WordPress prints the settings errors (and "Settings saved.") above the page, as on every Settings screen.
  return (await page.locator('#wpbody-content .settings-error').allInnerTexts()).join('\n');
}

/** The plugin's settings as stored in the database. */
export function storedSettings(site: Site): Record<string, unknown> | null {
  const row = site.query<{ option_value: string }>("SELECT option_value FROM wp_options WHERE option_name = 'cwfc_settings'")[0];
  return row ? phpUnserialize(row.option_value) : null;
}

/** Enough of PHP's unserialize() for the plugin's option (arrays, strings, booleans, integers). */
export function phpUnserialize(text: string): Record<string, unknown> {
  let i = 0;
  const bytes = Buffer.from(text, 'utf8');
  const read = (): unknown => {
    const type = String.fromCharCode(bytes[i]!);
    if (type === 'N') return (i += 2), null;
    const colon = bytes.indexOf(0x3a, i + 2);
    const semi = bytes.indexOf(0x3b, i + 2);
    if (type === 'b') return (i = semi + 1), bytes.toString('utf8', i - 2, i - 1) === '1';
    if (type === 'i') {
      const v = Number(bytes.toString('utf8', i + 2, semi));
      i = semi + 1;
      return v;
    }
    const len = Number(bytes.toString('utf8', i + 2, colon));
    if (type === 's') {
      const v = bytes.toString('utf8', colon + 2, colon + 2 + len);
      i = colon + 2 + len + 2;
      return v;
    }
    if (type === 'a') {
      i = colon + 2;
      const out: Record<string, unknown> = {};
      for (let n = 0; n < len; n++) {
        const k = read();
        out[String(k)] = read();
      }
      i += 1;
      return out;
    }
    throw new Error(`unserialize: unexpected ${type} at ${i}`);
  };
  return read() as Record<string, unknown>;
}

/** Creates a published page through the REST API, as the logged-in admin; returns its id and link. */
export async function createPage(request: APIRequestContext, site: Site, title: string, content: string, status = 'publish'): Promise<{ id: number; link: string }> {
  const nonce = await (await request.get(`${site.url}wp-admin/admin-ajax.php?action=rest-nonce`)).text();
  const res = await request.post(`${site.url}?rest_route=/wp/v2/pages`, {
    headers: { 'X-WP-Nonce': nonce },
    data: { title, content, status },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: number; link: string };
}

/** The REST nonce of the logged-in admin. */
export async function restNonce(request: APIRequestContext, site: Site): Promise<string> {
  return (await request.get(`${site.url}wp-admin/admin-ajax.php?action=rest-nonce`)).text();
}

/** The floating widget's frame (waits until it is attached). */
export async function floatingFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('body > iframe[src*="/frame.html#nonce="]', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no widget frame');
  return frame;
}

/** Sends a message in a widget frame and waits for the demo agent's streamed echo. */
export async function chat(frame: Frame, text: string): Promise<void> {
  const input = frame.getByRole('textbox');
  await input.fill(text);
  await input.press('Enter');
  await expect(frame.locator('.ck-assistant').getByRole('paragraph').filter({ hasText: `You said: “${text}”` })).toBeVisible();
}
