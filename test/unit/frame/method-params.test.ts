import { describe, expect, it } from 'vitest';
import { parseCustomAction, parseSendUserMessage, parseSetComposerValue, parseThreadId } from '../../../src/frame/method-params.ts';

/** The message and code of what `f` throws. */
function failure(f: () => unknown): { message: string; code: unknown } {
  try {
    f();
  } catch (e) {
    return { message: (e as Error).message, code: (e as { code?: unknown }).code };
  }
  throw new Error('expected a throw');
}

const invalid = (message: string) => ({ message, code: 'INVALID' });
const file = { type: 'file', id: 'att_1', name: 'notes.txt', mime_type: 'text/plain' };

describe('parseSendUserMessage', () => {
  it('turns text into one input_text part with empty inference', () => {
    expect(parseSendUserMessage({ text: 'Hello' })).toEqual({ content: [{ type: 'input_text', text: 'Hello' }], inference: {} });
  });

  it('fills in tag data and interactive, and maps reply, newThread, toolChoice and model', () => {
    expect(parseSendUserMessage({ content: [{ type: 'input_tag', id: 't1', text: '@doc' }], reply: 'quoted', newThread: true, toolChoice: { id: 'search' }, model: 'gpt-x' })).toEqual({
      content: [{ type: 'input_tag', id: 't1', text: '@doc', data: {}, interactive: false }],
      quotedText: 'quoted',
      newThread: true,
      inference: { tool_choice: { id: 'search' }, model: 'gpt-x' },
    });
  });

  it('accepts attachments with no text', () => {
    expect(parseSendUserMessage({ attachments: [file] })).toEqual({ content: [], attachments: [file], inference: {} });
  });

  it('rejects an empty message with its exact text and code INVALID', () => {
    const empty = invalid('sendUserMessage: expected text, content or attachments, received an empty message');
    for (const value of [{}, null, undefined, { text: '   ' }, { content: [] }, { content: [{ type: 'input_text', text: ' ' }] }, { text: '', attachments: [] }]) {
      expect(failure(() => parseSendUserMessage(value))).toEqual(empty);
    }
  });

  it('names the path, the expected shape and the value for every bad field', () => {
    const cases: [unknown, string][] = [
      ['hi', 'sendUserMessage: (root): expected object, received "hi"'],
      [{ text: 5 }, 'sendUserMessage: text: expected string, received 5'],
      [{ content: [{ type: 'input_image' }] }, 'sendUserMessage: content[0].type: expected one of "input_text" | "input_tag", received "input_image"'],
      [{ content: [{ type: 'input_text' }] }, 'sendUserMessage: content[0].text: expected string, received nothing'],
      [{ text: 'x', newThread: 'yes' }, 'sendUserMessage: newThread: expected boolean, received "yes"'],
      [{ text: 'x', toolChoice: { id: 1 } }, 'sendUserMessage: toolChoice.id: expected string, received 1'],
      [{ text: 'x', attachments: [{ type: 'file', id: 'a' }] }, 'sendUserMessage: attachments[0].name: expected string, received nothing; attachments[0].mime_type: expected string, received nothing'],
    ];
    for (const [value, message] of cases) expect(failure(() => parseSendUserMessage(value))).toEqual(invalid(message));
  });
});

describe('parseSetComposerValue', () => {
  it('keeps the known fields and drops unknown ones', () => {
    const f = new File(['x'], 'x.txt');
    expect(parseSetComposerValue({ text: 'draft', selectedToolId: null, files: [f], extra: 1 })).toEqual({ text: 'draft', selectedToolId: null, files: [f] });
    expect(parseSetComposerValue(null)).toEqual({});
  });

  it('names the path, the expected shape and the value for every bad field', () => {
    const cases: [unknown, string][] = [
      [{ files: ['x'] }, 'setComposerValue: files[0]: expected a File, received "x"'],
      [{ text: 1 }, 'setComposerValue: text: expected string, received 1'],
      [{ selectedToolId: 3 }, 'setComposerValue: selectedToolId: expected string, received 3'],
    ];
    for (const [value, message] of cases) expect(failure(() => parseSetComposerValue(value))).toEqual(invalid(message));
  });
});

describe('parseThreadId', () => {
  it('accepts a non-empty string or null', () => {
    expect(parseThreadId('thr_1')).toBe('thr_1');
    expect(parseThreadId(null)).toBeNull();
  });

  it('rejects anything else with its exact text', () => {
    const cases: [unknown, string][] = [
      [5, 'setThreadId: expected a thread id (string) or null, received 5'],
      [undefined, 'setThreadId: expected a thread id (string) or null, received nothing'],
      ['', 'setThreadId: expected a thread id (string) or null, received ""'],
      [{ id: 'x' }, 'setThreadId: expected a thread id (string) or null, received an object'],
      [10n, 'setThreadId: expected a thread id (string) or null, received bigint'],
    ];
    for (const [value, message] of cases) expect(failure(() => parseThreadId(value))).toEqual(invalid(message));
  });
});

describe('parseCustomAction', () => {
  it('returns the action and the item id when given', () => {
    expect(parseCustomAction({ type: 'save', payload: { a: 1 } }, 'item_1')).toEqual({ action: { type: 'save', payload: { a: 1 } }, itemId: 'item_1' });
    expect(parseCustomAction({ type: 'save' }, null)).toEqual({ action: { type: 'save' } });
    expect(parseCustomAction({ type: 'save' }, undefined)).toEqual({ action: { type: 'save' } });
  });

  it('rejects a bad action or item id with its exact text', () => {
    expect(failure(() => parseCustomAction({ type: '' }, undefined))).toEqual(invalid('sendCustomAction: type: expected at least 1 characters, received ""'));
    expect(failure(() => parseCustomAction({}, undefined))).toEqual(invalid('sendCustomAction: type: expected string, received nothing'));
    expect(failure(() => parseCustomAction(null, undefined))).toEqual(invalid('sendCustomAction: type: expected string, received nothing'));
    expect(failure(() => parseCustomAction({ type: 'x', payload: 'p' }, undefined))).toEqual(invalid('sendCustomAction: payload: expected record, received "p"'));
    expect(failure(() => parseCustomAction({ type: 'x' }, 5))).toEqual(invalid('sendCustomAction: itemId: expected string'));
  });
});
