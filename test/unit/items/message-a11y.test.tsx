// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantMessageItem, UserMessageItem } from '../../../src/protocol/items.ts';
import { item, mountItem, ready, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const reply = (id: string, text: string) =>
  item<AssistantMessageItem>({ id, type: 'assistant_message', content: [{ type: 'output_text', text, annotations: [] }] });

describe('who wrote a message, for screen readers', () => {
  it('a user message starts with a hidden "You" heading', () => {
    m = mountItem(item<UserMessageItem>({ id: 'U1', type: 'user_message', content: [{ type: 'input_text', text: 'hi' }], attachments: [], inference_options: {} }));
    const h = m.$('.ck-user h2');
    expect([h.textContent, h.className]).toEqual(['You', 'ck-sr-only']);
  });
  it('a reply starts with a hidden "Assistant" heading, and its Markdown headings are announced from level 3', () => {
    m = mountItem(reply('A1', '# Title\n\n## Part\n\n###### Deep'));
    expect(m.$('.ck-assistant > h2.ck-sr-only').textContent).toBe('Assistant');
    expect(m.$$('.ck-md :is(h1, h2, h3, h4, h5, h6)').map((h) => h.tagName)).toEqual(['H3', 'H4', 'H6']);
  });
});

describe('message actions', () => {
  it('are described by an excerpt of their reply in plain text, so two replies’ Copy buttons differ', () => {
    m = mountItem(reply('A1', 'A **bold** claim about [tea](https://example.com).'));
    expect(m.$$('.ck-actions button').map((b) => b.getAttribute('aria-description'))).toEqual(['A bold claim about tea.']);
    // Not a second copy of the text in the thread.
    expect(m.text()).toBe('AssistantA bold claim about tea.');
  });
});

describe('attachment images', () => {
  it('have an empty alt: the file name is written beside the preview', () => {
    const attachments = [{ id: 'f1', type: 'image', name: 'cat.png', mime_type: 'image/png', preview_url: 'https://example.com/cat.png' }];
    m = mountItem(item<UserMessageItem>({ id: 'U2', type: 'user_message', content: [{ type: 'input_text', text: 'look' }], attachments, inference_options: {} }));
    expect(m.$('.ck-attachment-chip img').getAttribute('alt')).toBe('');
    expect(m.$('.ck-attachment-chip span').textContent).toBe('cat.png');
  });
});
