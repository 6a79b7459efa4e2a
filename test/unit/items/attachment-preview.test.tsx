// @vitest-environment happy-dom
/** Attachment previews in sent messages pass the Markdown image URL policy (issue 18.11). */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UserMessageItem } from '../../../src/protocol/items.ts';
import { click, fakeModels, item, mountItem, ready, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const withImage = (preview_url: string) =>
  item<UserMessageItem>({
    id: 'U1',
    type: 'user_message',
    content: [{ type: 'input_text', text: 'look' }],
    attachments: [{ type: 'image', id: 'atc_1', name: 'cat.png', mime_type: 'image/png', preview_url }],
    inference_options: {},
  });
const srcs = () => m.$$<HTMLImageElement>('.ck-user-attachments img').map((i) => i.getAttribute('src'));

describe('attachment previews', () => {
  it('show http(s) previews, resolved against the host page', () => {
    m = mountItem(withImage('/files/atc_1'));
    expect(srcs()).toEqual(['https://host.example/files/atc_1']);
    expect(m.text('.ck-user-attachments')).toBe('cat.png');
  });

  it('never put a non-web scheme into <img src>; the file name stays', () => {
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:image/svg+xml,<svg onload=alert(1)>', 'blob:https://evil.example/x', 'chrome://settings']) {
      m = mountItem(withImage(url));
      expect(srcs(), url).toEqual([]);
      expect(m.text('.ck-user-attachments'), url).toBe('cat.png');
      m.unmount();
    }
    m = mountItem(withImage('data:image/png;base64,iVBORw0KGgo='));
    expect(srcs()).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
  });

  it('respect allowed_image_domains: another host loads only when the user asks', () => {
    const fake = fakeModels();
    fake.imageDomains.value = 'cdn.example';
    m = mountItem(withImage('https://tracker.example/pixel.png'), false, fake);
    expect(srcs()).toEqual([]);
    click(m.$('.ck-user-attachments button'));
    expect(srcs()).toEqual(['https://tracker.example/pixel.png']);
    m.unmount();
    m = mountItem(withImage('https://img.cdn.example/cat.png'), false, fake);
    expect(srcs()).toEqual(['https://img.cdn.example/cat.png']);
  });
});
