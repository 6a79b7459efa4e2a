import { describe, expect, it } from 'vitest';
import { parseStreamEvent, readWidgetNode, type WidgetItem } from '../../../src/protocol/index.ts';

const base = { id: 'W1', thread_id: 'T', created_at: '2026-11-22T01:19:19' };

function parseWidget(widget: unknown) {
  return parseStreamEvent({ type: 'thread.item.done', item: { ...base, type: 'widget', widget } });
}

function widgetOf(widget: unknown): WidgetItem['widget'] {
  const result = parseWidget(widget);
  if (!result.ok || result.value.type !== 'thread.item.done' || result.value.item.type !== 'widget') {
    throw new Error(result.ok ? 'not a widget' : result.error);
  }
  return result.value.item.widget;
}

describe('widget trees', () => {
  it('keeps arbitrary props, unknown component types and any root type for the renderer to judge', () => {
    const widget = {
      type: 'Hologram',
      glow: { light: 'red', dark: 'blue' },
      children: [{ type: 'Sparkle', intensity: 11, onClickAction: { type: 'go', handler: 'client' } }],
    };
    expect(widgetOf(widget)).toBe(widget);
    expect(widget.children[0]?.intensity).toBe(11);
  });

  it('returns the very same objects when nothing needs normalising', () => {
    const widget = { type: 'Card', children: [{ type: 'Text', value: 'x' }] };
    expect(readWidgetNode(widget)).toBe(widget);
  });

  it('wraps a single child object (as Transition sends it) in an array without touching the input', () => {
    const inner = { type: 'Text', value: 'x' };
    const widget = Object.freeze({ type: 'Card', children: [Object.freeze({ type: 'Transition', children: inner })] });
    expect(widgetOf(widget)).toEqual({ type: 'Card', children: [{ type: 'Transition', children: [inner] }] });
    expect(widget.children[0]?.children).toBe(inner);
  });

  it('drops null ids, keys and children', () => {
    expect(widgetOf({ type: 'Card', id: null, key: null, children: null })).toStrictEqual({ type: 'Card' });
  });

  it('rejects a node without a string type, naming the node', () => {
    const result = parseWidget({ type: 'Card', children: [{ type: 'Text' }, { value: 'x' }] });
    expect(result).toEqual({
      ok: false,
      ignored: false,
      error: 'item.widget: expected a widget tree (node.children[1].type is not a string), received an object',
    });
    expect(parseWidget('Card')).toEqual({
      ok: false,
      ignored: false,
      error: 'item.widget: expected a widget tree (node is not an object), received "Card"',
    });
    expect(parseWidget({ type: 'Card', id: 7 })).toEqual({
      ok: false,
      ignored: false,
      error: 'item.widget: expected a widget tree (node.id is not a string), received an object',
    });
  });

  it('rejects trees nested deeper than 64 levels instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { type: 'Text', value: 'leaf' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'Box', children: [deep] };
    const result = parseWidget(deep);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/nests deeper than 64 levels/);
  });
});
