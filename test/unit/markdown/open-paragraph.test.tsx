// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Markdown, renderMarkdown } from '../../../src/markdown/markdown.tsx';
import { CHUNK } from '../../../src/markdown/open-paragraph.ts';
import { scanStats } from '../../../src/markdown/scan-stats.ts';
import { createUrlPolicy } from '../../../src/markdown/url-policy.ts';

const policy = createUrlPolicy();
const words = 'lorem *ipsum* dolor [sit](https://a.example/x) amet, `code` www.b.example and **bold _nest_** e@c.example ';

function stream(doc: string, step: number, check: (prefix: string, html: string) => void, markers = false): number[] {
  const host = document.createElement('div');
  const work: number[] = [];
  const ms = (n: number) => (markers ? [{ index: Math.floor(n / 2), key: 'm' + Math.floor(n / 2), render: () => <sup>1</sup> }] : undefined);
  for (let n = step; n <= doc.length; n += step) {
    const before = scanStats.inline;
    act(() => render(<Markdown text={doc.slice(0, n)} policy={policy} markers={ms(n)} streaming />, host));
    work.push(scanStats.inline - before);
    check(doc.slice(0, n), host.innerHTML);
  }
  act(() => render(null, host));
  return work;
}

const statically = (text: string, markers = false) => {
  const host = document.createElement('div');
  const n = text.length;
  act(() => render(renderMarkdown(text, { policy, markers: markers ? [{ index: Math.floor(n / 2), key: 'm', render: () => <sup>1</sup> }] : undefined }), host));
  return host.innerHTML.replace('class="ck-md"', 'class="ck-md ck-md-streaming"');
};

describe('the open paragraph while streaming', () => {
  it('renders like a one-shot render at every prefix (chunks frozen on the way)', () => {
    const doc = words.repeat(50);
    stream(doc, 131, (prefix, html) => expect(html, prefix.length + '').toBe(statically(prefix)));
  }, 60_000);

  it('places a marker that moves through the chunks like a one-shot render', () => {
    const doc = words.repeat(40);
    stream(doc, 211, (prefix, html) => expect(html).toBe(statically(prefix, true)), true);
  }, 60_000);

  it('parses a bounded amount of inline text per delta however long the paragraph grows', () => {
    const work = stream(words.repeat(200), 150, () => {});
    const late = Math.max(...work.slice(-30));
    expect(late).toBeLessThan(4 * CHUNK);
    expect(late).toBeLessThanOrEqual(Math.max(...work.slice(20, 50)) + CHUNK);
  }, 60_000);

  it('falls back to parsing the rest whole after an opener that never closes (and stays correct)', () => {
    const doc = 'start *never closed ' + words.replace(/\*/g, '').repeat(30);
    const work = stream(doc, 173, (prefix, html) => expect(html).toBe(statically(prefix)));
    expect(work[work.length - 1]!).toBeGreaterThan(doc.length - 200);
  }, 60_000);
});
