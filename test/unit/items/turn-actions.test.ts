import { describe, expect, it } from 'vitest';
import { turnActions } from '../../../src/ui/items/turn-actions.ts';
import { item } from './harness.tsx';

const user = (id: string) => item({ id, type: 'user_message', content: [{ type: 'input_text', text: 'q' }], inference_options: {} });
const say = (id: string, text: string) => item({ id, type: 'assistant_message', content: [{ type: 'output_text', text, annotations: [] }] });
const widget = (id: string, copy_text?: string) => item({ id, type: 'widget', widget: { type: 'Card', children: [] }, ...(copy_text ? { copy_text } : {}) });
const end = (id: string) => item({ id, type: 'end_of_turn' });

describe('turn actions', () => {
  it('go once per turn, on its last message or widget, copying every message and copy_text of the turn', () => {
    const items = [user('u1'), widget('w1', 'Tea or coffee?'), say('a1', 'First'), widget('w2', 'Order'), end('e1'), user('u2'), say('a2', 'Second')];
    expect([...turnActions(items, false)]).toEqual([
      ['w2', 'Tea or coffee?\n\nFirst\n\nOrder'],
      ['a2', 'Second'],
    ]);
  });

  it('leave out the turn still streaming', () => {
    expect([...turnActions([user('u1'), say('a1', 'Done'), user('u2'), say('a2', 'Stream')], true)]).toEqual([['a1', 'Done']]);
  });

  it('give a turn without copyable text empty copy text, and skip turns with no reply item', () => {
    expect([...turnActions([user('u1'), widget('w1'), user('u2'), end('e2')], false)]).toEqual([['w1', '']]);
  });
});
