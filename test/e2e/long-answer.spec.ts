/**
 * A long streamed answer: its finished blocks are wrapped in runs (`.ck-md-run`, skipped by the browser when off
 * screen), and the runs change nothing a reader can see: every block sits exactly where it would without them,
 * margins between blocks included, at run boundaries too. The backend is the reference server streaming one
 * long Markdown answer, on its own loopback port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChatKitServer, createMemoryStore, createNodeHandler, streamText } from '../../src/server/index.ts';
import { expect, test, widgetFrame } from './support/fixtures.ts';

const BLOCKS = 100;

/** 100 top-level blocks of every kind, with headings and rules on both sides of the run boundaries (24, 48, 72). */
function longAnswer(): string {
  const kinds = ['para', 'heading', 'list', 'code', 'quote', 'rule', 'table'];
  const at: Record<number, string> = { 23: 'rule', 24: 'heading', 47: 'heading', 48: 'rule', 71: 'list', 72: 'heading', 95: 'code', 96: 'para', 99: 'para' };
  return Array.from({ length: BLOCKS }, (_, i) => {
    switch (at[i] ?? kinds[i % kinds.length]) {
      case 'heading':
        return `## Section ${i}`;
      case 'list':
        return `- item ${i}\n- another item`;
      case 'code':
        return '```js\nconst x = ' + i + ';\n```';
      case 'quote':
        return `> A quote, block ${i}.`;
      case 'rule':
        return '---';
      case 'table':
        return `| a | b |\n|---|---|\n| ${i} | two |`;
      default:
        return `Paragraph ${i} has a few words to wrap and **bold** ones.`;
    }
  }).join('\n\n');
}

async function startBackend(widgetOrigin: string): Promise<{ url: string; server: Server }> {
  const chatkit = createChatKitServer({ store: createMemoryStore(), respond: (thread, _input, ctx) => streamText(thread, ctx, longAnswer()) });
  const handler = createNodeHandler(chatkit, { cors: { origins: [widgetOrigin] } });
  const server = createServer((req, res) => void handler(req, res).then((handled) => handled || res.writeHead(404).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/chatkit`, server };
}

test('a long answer is wrapped in runs of finished blocks that leave every block where it would be without them', async ({ page, demo }) => {
  const backend = await startBackend(new URL(demo.widgetUrl).origin);
  try {
    await page.goto(`${demo.hostUrl}answer.html?api=${encodeURIComponent(backend.url)}`);
    const frame = await widgetFrame(page);
    await frame.getByRole('button', { name: 'Open chat' }).click();
    await frame.getByRole('textbox').fill('Write a long answer');
    await frame.getByRole('textbox').press('Enter');
    const answer = frame.locator('.ck-md').last();
    await expect(answer).toContainText(`Paragraph ${BLOCKS - 1} has a few words`);
    await expect(answer).not.toHaveClass(/ck-md-streaming/);

    const layout = await answer.evaluate((md: HTMLElement) => {
      for (const run of md.querySelectorAll<HTMLElement>('.ck-md-run')) run.style.contentVisibility = 'visible';
      // The same markup without the runs, laid out beside it (same parent, same width, same styles).
      const flat = md.cloneNode(true) as HTMLElement;
      for (const run of [...flat.querySelectorAll('.ck-md-run')]) run.replaceWith(...run.childNodes);
      md.after(flat);
      const boxes = (root: HTMLElement) => {
        const top = root.getBoundingClientRect().top;
        const blocks = [...root.querySelectorAll(':scope > :not(.ck-md-run), :scope > .ck-md-run > *')];
        return { blocks: blocks.map((b) => [b.getBoundingClientRect().top - top, b.getBoundingClientRect().height]), height: root.getBoundingClientRect().height };
      };
      const result = { runs: md.querySelectorAll(':scope > .ck-md-run').length, direct: md.children.length, wrapped: boxes(md), flat: boxes(flat) };
      flat.remove();
      return result;
    });
    expect(layout.runs).toBe(Math.floor(BLOCKS / 24));
    expect(layout.direct).toBe(layout.runs + (BLOCKS % 24));
    expect(layout.wrapped.blocks).toHaveLength(BLOCKS);
    expect(layout.flat.blocks).toHaveLength(BLOCKS);
    const off = layout.wrapped.blocks
      .map(([top, height], i) => ({ i, dTop: Math.abs(top! - layout.flat.blocks[i]![0]!), dHeight: Math.abs(height! - layout.flat.blocks[i]![1]!) }))
      .filter((d) => d.dTop > 0.5 || d.dHeight > 0.5);
    expect(off).toEqual([]);
    expect(Math.abs(layout.wrapped.height - layout.flat.height)).toBeLessThanOrEqual(0.5);
  } finally {
    backend.server.closeAllConnections();
    backend.server.close();
  }
});
