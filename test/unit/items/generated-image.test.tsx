// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fakeModels, item, itemIn, mountItem, ready, statesOf, type MountedItem } from './harness.tsx';

let m: MountedItem;
beforeAll(ready);
afterEach(() => m.unmount());

const png = (n: number) => `data:image/png;base64,iVBORw0KGgo${n}`;
const base = { id: 'ig_1', thread_id: 'thr_1', created_at: '2026-11-22T01:19:19.000000', type: 'generated_image' };
// The C12 sequence (CHATKIT.md §7) with two previews, as the demo agent sends it.
const events = [
  { type: 'thread.item.added', item: base },
  { type: 'thread.item.updated', item_id: 'ig_1', update: { type: 'generated_image.updated', image: { id: 'img', url: png(1) }, progress: 0.33 } },
  { type: 'thread.item.updated', item_id: 'ig_1', update: { type: 'generated_image.updated', image: { id: 'img', url: png(2) }, progress: 0.66 } },
  { type: 'thread.item.done', item: { ...base, image: { id: 'img', url: png(3) } } },
];
const bar = (m: MountedItem) => m.$('[role="progressbar"]');
const aria = (el: Element) => ['aria-label', 'aria-valuemin', 'aria-valuemax', 'aria-valuenow'].map((a) => el.getAttribute(a));

describe('generated images', () => {
  it('go from a placeholder to partial previews with progress to the final image', () => {
    const states = statesOf(events);
    m = mountItem(...itemIn(states[0]!, 'ig_1'));
    expect([m.$$('.ck-image-placeholder').length, m.$$('img').length, aria(bar(m)), bar(m).getAttribute('data-indeterminate')]).toEqual([
      1,
      0,
      ['Generating image…', '0', '100', null],
      'true',
    ]);
    m.update(...itemIn(states[1]!, 'ig_1'));
    expect([aria(bar(m))[3], m.$<HTMLImageElement>('img.ck-image-preview').getAttribute('src'), m.$<HTMLImageElement>('img').alt, m.$('.ck-image-bar').style.width]).toEqual([
      '33',
      png(1),
      '',
      '33%',
    ]);
    m.update(...itemIn(states[2]!, 'ig_1'));
    expect([aria(bar(m))[3], m.$('img.ck-image-preview').getAttribute('src')]).toEqual(['66', png(2)]);
    const [done, pending] = itemIn(states[3]!, 'ig_1');
    m.update(done, pending);
    expect([m.$$('[role="progressbar"]').length, m.$$('img').map((i) => [i.getAttribute('src'), (i as HTMLImageElement).alt])]).toEqual([0, [[png(3), 'Generated image']]]);
  });

  it('show the final image at once when it is done, even while the response still streams after it', () => {
    m = mountItem(itemIn(statesOf(events)[3]!, 'ig_1')[0], true);
    expect([m.$$('[role="progressbar"]').length, m.$$('img').map((i) => [i.className, (i as HTMLImageElement).alt])]).toEqual([0, [['ck-md-img', 'Generated image']]]);
  });

  it('clamp progress outside 0..1', () => {
    m = mountItem(item({ ...base, progress: 1.7 }), true);
    expect(aria(bar(m))[3]).toBe('100');
    m.update(item({ ...base, progress: -0.2 }), true);
    expect(aria(bar(m))[3]).toBe('0');
  });

  it('neither show previews nor load the final image from hosts outside allowed_image_domains without a click', () => {
    const fake = fakeModels();
    fake.imageDomains.value = 'cdn.example';
    const at = (url: string, progress?: number) => item({ ...base, image: { id: 'img', url }, ...(progress === undefined ? {} : { progress }) });
    m = mountItem(at('https://elsewhere.example/p.png', 0.5), true, fake);
    expect([m.$$('img').length, m.$$('.ck-image-placeholder').length]).toEqual([0, 1]);
    m.update(at('https://elsewhere.example/final.png'));
    expect([m.$$('img').length, m.text('button')]).toEqual([0, 'Load image from elsewhere.example']);
    m.update(at('https://img.cdn.example/final.png'));
    expect(m.$$('img').map((i) => i.getAttribute('src'))).toEqual(['https://img.cdn.example/final.png']);
  });

  it('never render an image URL the policy rejects', () => {
    m = mountItem(item({ ...base, image: { id: 'img', url: 'javascript:alert(1)' }, progress: 0.5 }), true);
    expect([m.$$('img').length, m.$$('.ck-image-placeholder').length]).toEqual([0, 1]);
    m.update(item({ ...base, image: { id: 'img', url: 'data:image/svg+xml,<svg onload=alert(1)>' } }));
    expect(m.container.innerHTML).toBe('');
  });
});
