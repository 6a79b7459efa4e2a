// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { WidgetComponent } from '../../../src/protocol/widgets.ts';
import { appendStreamingText, editComponent } from '../../../src/store/apply-widget-update.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flush, mount, type Mounted } from './mount.tsx';

type Event = { type: string; item?: { type: string; widget?: WidgetComponent }; update?: { type: string; component_id?: string; delta?: string; done?: boolean; widget?: WidgetComponent } };

// The shared loader resolves paths through import.meta.url, which happy-dom's URL cannot turn into a file path.
const DIR = process.env.CHATKIT_FIXTURES ?? resolve(process.cwd(), '../shared/fixtures/chatkit-python');
type Exchange = { request: Record<string, unknown>; response: { raw?: string; body?: unknown } };
function loadFixture(prefix: string): { exchanges: Exchange[] } {
  const file = readdirSync(DIR).find((f) => f.startsWith(`${prefix}-`));
  if (!file) throw new Error(`no fixture ${prefix}`);
  return JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { exchanges: Exchange[] };
}
const sseEventsOf = (prefix: string): unknown[] =>
  (loadFixture(prefix).exchanges[0]?.response.raw ?? '')
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => JSON.parse(line.slice(6)) as unknown);

let m: Mounted | undefined;
afterEach(() => m?.unmount());

/** Every widget tree the stream of fixture `prefix` produces, in order. */
function widgetFrames(prefix: string): WidgetComponent[] {
  const frames: WidgetComponent[] = [];
  for (const e of sseEventsOf(prefix) as Event[]) {
    const last = frames[frames.length - 1];
    if ((e.type === 'thread.item.added' || e.type === 'thread.item.done') && e.item?.widget) frames.push(e.item.widget);
    else if (e.update?.type === 'widget.root.updated' && e.update.widget) frames.push(e.update.widget);
    else if (e.update?.type === 'widget.streaming_text.value_delta' && last) {
      const { component_id: id = '', delta = '', done = false } = e.update;
      frames.push(editComponent(last, id, (c) => appendStreamingText(c, delta, done)));
    }
  }
  return frames;
}

describe('fixture s5: streamed widget', () => {
  it('renders every frame: the streaming Markdown with a caret, then the final card with its Send button', async () => {
    const frames = widgetFrames('s5');
    expect(frames.length).toBe(5);
    m = mount(frames[0] as WidgetComponent, { itemId: 'msg_0015' });
    const seen: [string, string, string][] = [];
    for (const frame of frames) {
      m.rerender(frame);
      seen.push([m.$('h3').textContent ?? '', m.$('.ck-w-markdown').textContent ?? '', m.$('.ck-w-markdown').className]);
    }
    expect(seen).toEqual([
      ['Draft', '', 'ck-w-markdown ck-w-streaming'],
      ['Draft', 'Dear', 'ck-w-markdown ck-w-streaming'],
      ['Draft', 'Dear Harry', 'ck-w-markdown'],
      ['Final', 'Dear Harry', 'ck-w-markdown'],
      ['Final', 'Dear Harry', 'ck-w-markdown'],
    ]);
    const send = m.$<HTMLButtonElement>('.ck-w-card-footer button');
    expect(send.textContent).toBe('Send');
    act(() => send.click());
    await flush();
    expect(m.onAction.mock.calls).toEqual([
      [{ type: 'send_email', payload: { id: 1 }, handler: 'server', loadingBehavior: 'auto', streaming: true }, { itemId: 'msg_0015' }],
    ]);
  });
});

describe('fixture s6a: static widget with buttons', () => {
  it('renders the text and both buttons, and sends the action that s6b then carries to the server', async () => {
    const [widget] = widgetFrames('s6a');
    m = mount(widget as WidgetComponent, { itemId: 'msg_0017' });
    expect(m.$('p').textContent).toBe('Pick one');
    const [yes, no] = m.$$<HTMLButtonElement>('.ck-w-row button');
    expect([yes?.textContent, no?.textContent]).toEqual(['Yes', 'No']);
    act(() => yes?.click());
    act(() => no?.click());
    await flush();
    const request = loadFixture('s6b').exchanges[0]?.request as { params: { item_id: string; action: unknown } };
    const [[yesAction, yesCtx], [noAction]] = m.onAction.mock.calls as [[{ type: string; payload?: unknown; handler?: string }, { itemId: string }], [{ handler?: string; loadingBehavior?: string }]];
    expect([{ type: yesAction.type, payload: yesAction.payload }, yesCtx.itemId]).toEqual([request.params.action, request.params.item_id]);
    expect([yesAction.handler, noAction.handler, noAction.loadingBehavior]).toEqual(['server', 'client', 'none']);
  });

  it('renders the replaced and synced cards of s6b and s6d', () => {
    const replaced = (sseEventsOf('s6b') as Event[]).find((e) => e.type === 'thread.item.replaced')?.item?.widget as WidgetComponent;
    const synced = (loadFixture('s6d').exchanges[0]?.response as { body: { updated_item: { widget: WidgetComponent } } }).body.updated_item.widget;
    m = mount(replaced);
    expect(m.$('p').textContent).toBe("Chose {'v': 'yes'}");
    m.rerender(synced);
    expect(m.$('p').textContent).toBe('synced');
  });
});
