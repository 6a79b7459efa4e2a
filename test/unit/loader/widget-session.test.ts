// @vitest-environment happy-dom
/** A connected widget (loader/widget.ts) against the real frame half (src/frame/connect.ts): calls, events, destroy. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handler } from '../../../src/bridge/endpoint.ts';
import { decodeHandles } from '../../../src/bridge/handles.ts';
import { cleanups, errorFields, tick, track, waitFor } from '../bridge/ports.ts';
import { connectWidget, readyWidget, setUpLoaderTest, startWidget, tearDownLoaderTest, type FakeVisualViewport } from './harness.ts';

let vv: FakeVisualViewport;
beforeEach(() => {
  vv = setUpLoaderTest();
});
afterEach(tearDownLoaderTest);

describe('createWidget calls', () => {
  it('holds calls until chatkit.ready, then they reach the frame handler and settle with its answer', async () => {
    const open = vi.fn((args: unknown[]) => `opened ${JSON.stringify(args)}`);
    const c = await connectWidget(new Map([['open', open]]));
    const early = track(c.widget.call('open', [{ focus: true }]));
    for (let i = 0; i < 10; i++) await tick();
    expect(early.state).toBe('pending');
    expect(open).not.toHaveBeenCalled();
    c.conn.host.emit('chatkit.ready');
    await waitFor(() => early.state !== 'pending');
    expect(early).toEqual({ state: 'resolved', value: 'opened [{"focus":true}]' });
    await expect(c.widget.call('open', [])).resolves.toBe('opened []');
    expect(open.mock.calls).toEqual([[[{ focus: true }]], [[]]]);
  });

  it('rejects with the frame error fields and NO_METHOD for unknown methods', async () => {
    const c = await readyWidget(new Map<string, Handler>([['setThreadId', () => { throw Object.assign(new Error('setThreadId: bad id'), { code: 'INVALID' }); }]]));
    const e = await c.widget.call('setThreadId', [5]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(errorFields(e)).toEqual({ name: 'Error', message: 'setThreadId: bad id', code: 'INVALID' });
    expect(errorFields(await c.widget.call('constructor', []).catch((x: unknown) => x))).toEqual({ name: 'Error', message: 'constructor', code: 'NO_METHOD' });
  });

  it('sends plain options as they are, without loading the extension (the frame sends the title back)', async () => {
    const got: unknown[] = [];
    const c = await readyWidget(new Map<string, Handler>([['setOptions', (args) => (got.push(args[0]), 'applied')]]));
    const options = { api: { url: '/chatkit' }, frameTitle: 'Help desk', when: new Date(0) };
    await expect(c.widget.setOptions(options)).resolves.toBe('applied');
    expect(got).toEqual([options]);
    expect(c.ext).not.toHaveBeenCalled();
    expect(c.frame.title).toBe('Chat');
  });

  it('numbers setOptions calls in the order they were made, also when the earlier one waits for the extension', async () => {
    const got: [unknown, unknown][] = [];
    const c = await readyWidget(new Map<string, Handler>([['setOptions', (args) => (got.push([args[0], args[1]]), null)]]));
    const withFunction = c.widget.setOptions({ onClientTool: () => null, locale: 'de' });
    const plain = c.widget.setOptions({ locale: 'fr' });
    await Promise.all([withFunction, plain]);
    const seq = (locale: string) => got.find(([o]) => (o as { locale: string }).locale === locale)![1] as number;
    expect(got.map(([o]) => (o as { locale: string }).locale)).toEqual(['fr', 'de']); // arrival order
    expect(seq('de')).toBeLessThan(seq('fr'));
  });

  it('sends functions as handles the frame can call back, and forgets them when options are replaced', async () => {
    let received: unknown;
    const c = await readyWidget(new Map<string, Handler>([['setOptions', (args) => ((received = args[0]), null)]]));
    const onClientTool = vi.fn((tool: unknown) => ({ handled: tool }));
    await c.widget.setOptions({ onClientTool, theme: { colorScheme: 'dark' } });
    expect(c.ext).toHaveBeenCalled();
    expect(received).toEqual({ onClientTool: { $fn: expect.any(Number) as number }, theme: { colorScheme: 'dark' } });
    const decoded = decodeHandles(received, c.conn.host) as { onClientTool: (x: unknown) => Promise<unknown> };
    await expect(decoded.onClientTool({ name: 'lookup' })).resolves.toEqual({ handled: { name: 'lookup' } });
    expect(onClientTool.mock.calls).toEqual([[{ name: 'lookup' }]]);
    await c.widget.setOptions({ theme: { colorScheme: 'light' } });
    expect(errorFields(await decoded.onClientTool({}).catch((x: unknown) => x))).toEqual({
      name: 'Error', message: 'Callback no longer registered: options were replaced', code: 'FAILED',
    });
    expect(onClientTool).toHaveBeenCalledTimes(1);
  });
});

describe('createWidget events', () => {
  it('delivers frame events to dispatch, in order', async () => {
    const dispatched: [string, unknown][] = [];
    const c = await connectWidget(new Map(), {}, { dispatch: (n, d) => void dispatched.push([n, d]) });
    c.conn.host.emit('chatkit.thread.change', { threadId: 'thr_1' });
    c.conn.host.emit('chatkit.log', { name: 'x' });
    await waitFor(() => dispatched.length === 2);
    expect(dispatched).toEqual([['chatkit.thread.change', { threadId: 'thr_1' }], ['chatkit.log', { name: 'x' }]]);
  });

  it('applies a layout event to the iframe with priority "important" and tells no listener', async () => {
    const dispatched: string[] = [];
    const c = await connectWidget(new Map(), {}, { dispatch: (n) => void dispatched.push(n) });
    const styles: [string, string][] = [
      ['z-index', '2147483000'], ['visibility', 'visible'], ['bottom', '20px'], ['right', '20px'], ['left', 'auto'],
      ['width', '400px'], ['height', '776px'], ['border-radius', '50%'], ['color-scheme', 'dark'],
      ['clip-path', 'polygon(0px 0px, 400px 0px, 400px 704px, 0px 704px)'],
    ];
    c.conn.host.emit('layout', { styles, open: false, restoreFocus: false });
    await waitFor(() => c.frame.style.getPropertyValue('width') === '400px');
    for (const [k, v] of styles) expect([k, c.frame.style.getPropertyValue(k), c.frame.style.getPropertyPriority(k)]).toEqual([k, v, 'important']);
    expect(c.frame.style.getPropertyValue('position')).toBe('fixed');
    // Pinned against host CSS (`iframe { top: 0 !important }` would stretch it); the frame sets it when it needs to.
    expect(c.frame.style.getPropertyValue('top')).toBe('auto');
    for (let i = 0; i < 5; i++) await tick();
    expect(dispatched).toEqual([]);
  });

  it('titles the iframe with the title a layout event carries (the frame translates it), as a string only', async () => {
    const c = await connectWidget();
    expect(c.frame.title).toBe('Chat');
    c.conn.host.emit('layout', { styles: [['width', '60px']], open: false, restoreFocus: false, title: 'الدردشة' });
    await waitFor(() => c.frame.title === 'الدردشة');
    c.conn.host.emit('layout', { styles: [['width', '61px']], open: false, restoreFocus: false, title: 7 });
    c.conn.host.emit('layout', { styles: [['width', '62px']], open: false, restoreFocus: false });
    await waitFor(() => c.frame.style.getPropertyValue('width') === '62px');
    expect(c.frame.title).toBe('الدردشة');
  });

  it('ignores a layout event with a missing or malformed detail, without throwing on the host page', async () => {
    const c = await connectWidget();
    const width = c.frame.style.getPropertyValue('width');
    c.conn.host.emit('layout');
    c.conn.host.emit('layout', { styles: 5, open: true });
    c.conn.host.emit('layout', { styles: null });
    for (let i = 0; i < 5; i++) await tick();
    expect(c.frame.style.getPropertyValue('width')).toBe(width);
  });

  it('gives focus back to the element that had it when a launcher-less widget closes with restoreFocus', async () => {
    const c = await connectWidget();
    const button = document.createElement('button');
    const elsewhere = document.createElement('input');
    document.body.append(button, elsewhere);
    cleanups.push(() => (button.remove(), elsewhere.remove()));
    button.focus();
    c.conn.host.emit('layout', { styles: [['width', '1px']], open: true, restoreFocus: false });
    await waitFor(() => c.frame.style.getPropertyValue('width') === '1px');
    elsewhere.focus();
    c.conn.host.emit('layout', { styles: [['width', '2px']], open: false, restoreFocus: true });
    await waitFor(() => c.frame.style.getPropertyValue('width') === '2px');
    expect(document.activeElement).toBe(button);
    // Closing without restoreFocus leaves focus where it is.
    c.conn.host.emit('layout', { styles: [['width', '3px']], open: true, restoreFocus: false });
    elsewhere.focus();
    c.conn.host.emit('layout', { styles: [['width', '4px']], open: false, restoreFocus: false });
    await waitFor(() => c.frame.style.getPropertyValue('width') === '4px');
    expect(document.activeElement).toBe(elsewhere);
  });

  it('sends the viewport metrics on visualViewport resize and scroll', async () => {
    const c = await connectWidget();
    Object.assign(vv, { width: 320, height: 240, offsetLeft: 0, offsetTop: 80 });
    vv.dispatchEvent(new Event('resize'));
    await waitFor(() => c.events.length === 1);
    expect(c.events).toEqual([['viewport', [1024, 768, 0, 80, 320, 240]]]);
    Object.assign(vv, { offsetTop: 95.5 });
    vv.dispatchEvent(new Event('scroll'));
    await waitFor(() => c.events.length === 2);
    expect(c.events[1]).toEqual(['viewport', [1024, 768, 0, 95.5, 320, 240]]);
  });
});

describe('createWidget destroy', () => {
  it('removes the iframe and every listener it added, and rejects pending calls with DESTROYED', async () => {
    const added: [EventTarget, string, unknown][] = [];
    const removed: [EventTarget, string, unknown][] = [];
    for (const target of [window, vv] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type: string, fn: unknown, o?: unknown) => (added.push([target, type, fn]), add(type, fn as EventListener, o as AddEventListenerOptions)));
      vi.spyOn(target, 'removeEventListener').mockImplementation((type: string, fn: unknown, o?: unknown) => (removed.push([target, type, fn]), remove(type, fn as EventListener, o as EventListenerOptions)));
    }
    const hang = new Promise(() => {});
    const c = await readyWidget(new Map([['open', () => hang]]));
    expect(added.map(([t, type]) => [t === window ? 'window' : 'visualViewport', type])).toEqual([
      ['window', 'message'], ['visualViewport', 'resize'], ['visualViewport', 'scroll'],
    ]);
    const pending = track(c.widget.call('open', []));
    await tick();
    c.widget.destroy();
    await tick();
    expect(c.frame.isConnected).toBe(false);
    expect(removed).toHaveLength(added.length);
    for (const a of added) expect(removed).toContainEqual(a);
    expect(pending.state).toBe('rejected');
    expect(errorFields(pending.error)).toEqual({ name: 'Error', message: 'ChatKit was destroyed', code: 'DESTROYED' });
    // Nothing reaches the frame any more.
    vv.dispatchEvent(new Event('resize'));
    for (let i = 0; i < 10; i++) await tick();
    expect(c.events).toEqual([]);
  });

  it('rejects calls made before the frame was ready, and after destroy, with DESTROYED', async () => {
    const { widget } = await startWidget();
    const early = widget.call('open', []);
    widget.destroy();
    const destroyed = { name: 'Error', message: 'ChatKit was destroyed', code: 'DESTROYED' };
    expect(errorFields(await early.catch((e: unknown) => e))).toEqual(destroyed);
    expect(errorFields(await widget.call('open', []).catch((e: unknown) => e))).toEqual(destroyed);
    expect(errorFields(await widget.setOptions({}).catch((e: unknown) => e))).toEqual(destroyed);
  });

  it('rejects a call made after destroy() at once with DESTROYED, also when the frame had been ready', async () => {
    const c = await readyWidget();
    c.widget.destroy();
    expect(errorFields(await c.widget.call('open', []).catch((e: unknown) => e))).toEqual({ name: 'Error', message: 'ChatKit was destroyed', code: 'DESTROYED' });
  });
});
