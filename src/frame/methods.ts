/**
 * The methods the host calls (`window.ChatKit.*` and `<openai-chatkit>` methods): each validates its arguments,
 * rejects with a clear error when called at the wrong time (a response streaming, a thread loading), and
 * resolves as soon as the work has started — the bridge times calls out after 30 s, and a long answer can take
 * longer than that, so `sendUserMessage` resolves once the message is on its way, not when the answer ends.
 */
import type { Handler } from '../bridge/endpoint.ts';
import type { Models } from '../ui/context.ts';
import { describeValue } from '../protocol/format-issue.ts';
import { parseStorageMode } from '../store/kept-state.ts';
import { parseCustomAction, parseSendUserMessage, parseSetComposerValue, parseThreadId } from './method-params.ts';

/** Resolves once `start(onStart)` reports it is under way (or finishes); rejects if it fails before that. */
function started(start: (onStart: () => void) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    start(resolve).then(() => resolve(), reject);
  });
}

/** Registers every host-callable method on `handlers`. */
export function registerMethods(handlers: Map<string, Handler>, models: Models, onOptions: () => void): void {
  const { app, chat, composer } = models;
  const on = (name: string, fn: (...args: unknown[]) => unknown): void => void handlers.set(name, (args) => fn(...args));

  // The loader numbers setOptions calls as they are made; one that waited on the host page for its callbacks to be
  // encoded can arrive after a later one, and must not replace it.
  let lastSetOptions = 0;
  on('setOptions', (raw, seq) => {
    if (typeof seq === 'number') {
      if (seq < lastSetOptions) return;
      lastSetOptions = seq;
    }
    app.setOptions(raw);
    onOptions();
  });
  on('open', () => app.setOpen(true));
  on('close', () => app.setOpen(false, false));
  on('toggle', () => app.toggle(false));
  on('focusComposer', async () => {
    if (!app.isOpen.peek()) await app.setOpen(true);
    if (app.view.peek() !== 'chat') app.setView('chat');
    await new Promise((r) => setTimeout(r, 0));
    if (!composer.focus()) throw new Error('The composer is not available to focus');
  });
  on('setThreadId', (id) => chat.loadThread(parseThreadId(id)));
  on('sendUserMessage', (params) => {
    const input = parseSendUserMessage(params);
    return started((onStart) => chat.send(input, onStart));
  });
  on('setComposerValue', (params) => composer.setValue(parseSetComposerValue(params)));
  on('fetchUpdates', async () => {
    const id = chat.threadId.peek();
    if (id) await chat.loadThread(id);
  });
  on('sendCustomAction', (action, itemId) => {
    const a = parseCustomAction(action, itemId);
    return started((onStart) => chat.sendCustomAction(a.action, a.itemId, onStart));
  });
  on('showHistory', () => {
    if (!app.options.peek().history.enabled) throw new Error('History is disabled (history.enabled is false)');
    app.setView('history');
  });
  on('hideHistory', () => app.setView('chat'));
  on('setStorage', (mode) => {
    const m = parseStorageMode(mode);
    if (!m) throw Object.assign(new Error(`setStorage: expected "local" | "session" | "none", received ${describeValue(mode)}`), { code: 'INVALID' });
    return chat.setStorage(m);
  });
}
