/**
 * Highlighted code and math in a real browser under the frame's strict CSP: a streamed answer with a table
 * right after a paragraph line, TypeScript and Python blocks, inline and display TeX. No CSP violation may be
 * reported while the lazy chunks (engine, highlighter, Temml) load and render.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChatKitServer, createMemoryStore, createNodeHandler, streamText } from '../../src/server/index.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const ANSWER = [
  'Here is the comparison:',
  '| Plan | Price |',
  '|---|---:|',
  '| A | $5 and $6 |',
  '',
  '```ts',
  'export function area(r: number): number {',
  '  return Math.PI * r ** 2; // circle',
  '}',
  '```',
  '',
  '```python',
  'def f(x):',
  '    return "hi"',
  '```',
  '',
  'Inline $e^{i\\pi} + 1 = 0$ and display:',
  '',
  '$$',
  '\\int_0^1 x^2 \\, dx = \\frac{1}{3}',
  '$$',
].join('\n');

async function startBackend(widgetOrigin: string): Promise<{ url: string; server: Server }> {
  const chatkit = createChatKitServer({ store: createMemoryStore(), respond: (thread, _input, ctx) => streamText(thread, ctx, ANSWER) });
  const handler = createNodeHandler(chatkit, { cors: { origins: [widgetOrigin] } });
  const server = createServer((req, res) => void handler(req, res).then((handled) => handled || res.writeHead(404).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/chatkit`, server };
}

test('an answer shows highlighted code and MathML math, with no CSP violation', async ({ page, demo }) => {
  const backend = await startBackend(new URL(demo.widgetUrl).origin);
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  try {
    await page.goto(`${demo.hostUrl}answer.html?api=${encodeURIComponent(backend.url)}`);
    const frame = await widgetFrame(page);
    await frame.evaluate(() => {
      (window as unknown as { ckViolations: string[] }).ckViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { ckViolations: string[] }).ckViolations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
    });
    await frame.getByRole('button', { name: 'Open chat' }).click();
    await frame.getByRole('textbox').fill('Show me code and math');
    await frame.getByRole('textbox').press('Enter');
    const answer = frame.locator('.ck-md').last();
    await expect(answer).not.toHaveClass(/ck-md-streaming/);
    await expect(answer.locator('table th')).toHaveText(['Plan', 'Price']);
    await expect(answer.locator('td').last()).toHaveText('$5 and $6');
    const ts = answer.locator('code[data-lang="ts"]');
    await expect(ts.locator('.ck-hl-keyword').first()).toHaveText('export');
    await expect(ts.locator('.ck-hl-comment')).toHaveText('// circle');
    await expect(answer.locator('code[data-lang="python"] .ck-hl-string')).toHaveText('"hi"');
    const colour = await ts.locator('.ck-hl-keyword').first().evaluate((el) => getComputedStyle(el).color);
    const plain = await ts.evaluate((el) => getComputedStyle(el).color);
    expect(colour).not.toBe(plain);
    await expect(answer.locator('p math')).toHaveAttribute('alttext', '$e^{i\\pi} + 1 = 0$');
    await expect(answer.locator('.ck-md-math-block math mfrac')).toHaveCount(1);
    const box = await answer.locator('.ck-md-math-block math').boundingBox();
    expect(box!.height).toBeGreaterThan(20);
    await answer.screenshot({ path: test.info().outputPath('answer.png') });
    expect(await frame.evaluate(() => (window as unknown as { ckViolations: string[] }).ckViolations)).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    backend.server.closeAllConnections();
    backend.server.close();
  }
});
