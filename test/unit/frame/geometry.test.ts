import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../../src/bridge/messages.ts';
import { INLINE_STYLES, frameStyles, isCompact, panelClipPath, type Placement } from '../../../src/frame/geometry.ts';

const base: Placement = { open: false, launcher: true, side: 'right', zIndex: 2147483000, offsetX: 20, offsetY: 20, scheme: 'light' };
const DESKTOP: Metrics = [1280, 800, 0, 0, 1280, 800];

/** The declarations every state starts with. */
const common = (scheme: string, zIndex: string, visibility: string, shadow: string): [string, string][] => [
  ['position', 'fixed'], ['display', 'block'], ['border', '0'], ['margin', '0'], ['padding', '0'],
  ['max-width', 'none'], ['max-height', 'none'], ['min-width', '0'], ['min-height', '0'],
  ['background', 'transparent'], ['color-scheme', scheme], ['z-index', zIndex],
  ['visibility', visibility], ['box-shadow', shadow],
];
const SHADOW = '0 4px 16px rgba(0,0,0,.18)';

describe('frameStyles', () => {
  it('closed with launcher: the 56 px launcher circle at the bottom right', () => {
    expect(frameStyles(base, DESKTOP)).toEqual({
      compact: false,
      styles: [
        ...common('light', '2147483000', 'visible', SHADOW),
        ['top', 'auto'], ['bottom', '20px'], ['right', '20px'], ['left', 'auto'],
        ['width', '56px'], ['height', '56px'], ['border-radius', '50%'], ['clip-path', 'none'],
      ],
    });
  });

  it('closed without launcher: hidden and 0×0', () => {
    expect(frameStyles({ ...base, launcher: false }, DESKTOP)).toEqual({
      compact: false,
      styles: [
        ...common('light', '2147483000', 'hidden', SHADOW),
        ['top', 'auto'], ['bottom', '20px'], ['right', '20px'], ['left', 'auto'],
        ['width', '0px'], ['height', '0px'], ['border-radius', '50%'], ['clip-path', 'none'],
      ],
    });
  });

  it('open with launcher: panel plus launcher, clipped to the two shapes', () => {
    // Panel 400 × min(704, 800 − 40 − 72) = 400 × 688; the launcher row adds 16 + 56.
    const clip = 'polygon(0px 0px, 400px 0px, 400px 712px, 400px 752px, 392px 760px, 352px 760px, 344px 752px, 344px 712px, 352px 704px, 392px 704px, 400px 712px, 400px 688px, 0px 688px)';
    expect(frameStyles({ ...base, open: true, scheme: 'dark' }, DESKTOP)).toEqual({
      compact: false,
      styles: [
        ...common('dark', '2147483000', 'visible', 'none'),
        ['top', 'auto'], ['bottom', '20px'], ['right', '20px'], ['left', 'auto'],
        ['width', '400px'], ['height', '760px'], ['border-radius', '0'], ['clip-path', clip],
      ],
    });
  });

  it('open without launcher: the panel alone with rounded corners', () => {
    expect(frameStyles({ ...base, open: true, launcher: false }, DESKTOP)).toEqual({
      compact: false,
      styles: [
        ...common('light', '2147483000', 'visible', 'none'),
        ['top', 'auto'], ['bottom', '20px'], ['right', '20px'], ['left', 'auto'],
        ['width', '400px'], ['height', '704px'], ['border-radius', '16px'], ['clip-path', 'none'],
      ],
    });
  });

  it('open on the left side: mirrored offsets and a mirrored clip-path', () => {
    const clip = 'polygon(400px 0px, 0px 0px, 0px 712px, 0px 752px, 8px 760px, 48px 760px, 56px 752px, 56px 712px, 48px 704px, 8px 704px, 0px 712px, 0px 688px, 400px 688px)';
    const { styles } = frameStyles({ ...base, open: true, side: 'left', offsetX: 32, zIndex: -5 }, DESKTOP);
    expect(styles).toEqual([
      ...common('light', '-5', 'visible', 'none'),
      ['top', 'auto'], ['bottom', '20px'], ['left', '32px'], ['right', 'auto'],
      ['width', '400px'], ['height', '760px'], ['border-radius', '0'], ['clip-path', clip],
    ]);
  });

  it('closed on the left side: the launcher at the bottom left', () => {
    const { styles } = frameStyles({ ...base, side: 'left' }, DESKTOP);
    expect(styles.slice(14)).toEqual([
      ['top', 'auto'], ['bottom', '20px'], ['left', '20px'], ['right', 'auto'],
      ['width', '56px'], ['height', '56px'], ['border-radius', '50%'], ['clip-path', 'none'],
    ]);
  });

  it('open and compact: the whole visual viewport at its offsets, rounded to whole pixels', () => {
    // A phone with the keyboard up: the visual viewport is scrolled 120.6 px down and 400.4 px tall.
    expect(frameStyles({ ...base, open: true }, [390, 844, 0, 120.6, 390, 400.4])).toEqual({
      compact: true,
      styles: [
        ...common('light', '2147483000', 'visible', 'none'),
        ['top', '121px'], ['left', '0px'], ['right', 'auto'], ['bottom', 'auto'],
        ['width', '390px'], ['height', '400px'], ['border-radius', '0'], ['clip-path', 'none'],
      ],
    });
  });

  it('never produces negative pixel values', () => {
    const { styles } = frameStyles({ ...base, open: true }, [300, 500, -4, -10, 300, 500]);
    expect(styles.filter(([k]) => k === 'top' || k === 'left')).toEqual([['top', '0px'], ['left', '0px']]);
  });

  it('narrows the open panel to the viewport minus both offsets', () => {
    const { styles, compact } = frameStyles({ ...base, open: true, launcher: false, offsetX: 10 }, [700, 900, 0, 0, 700, 900]);
    expect(compact).toBe(false);
    expect(styles.filter(([k]) => k === 'width' || k === 'height')).toEqual([['width', '400px'], ['height', '704px']]);
    const narrow = frameStyles({ ...base, open: true, launcher: false, offsetX: 200 }, [700, 900, 0, 0, 700, 900]);
    expect(narrow.styles.find(([k]) => k === 'width')).toEqual(['width', '300px']);
  });
});

describe('isCompact', () => {
  it('is true below 640 px wide or when the panel would be shorter than 320 px', () => {
    expect(isCompact([639, 900, 0, 0, 639, 900], base)).toBe(true);
    expect(isCompact([640, 900, 0, 0, 640, 900], base)).toBe(false);
    // 432 − 40 − 72 = 320 fits; one pixel less does not; without the launcher row it fits again.
    expect(isCompact([1280, 432, 0, 0, 1280, 432], base)).toBe(false);
    expect(isCompact([1280, 431, 0, 0, 1280, 431], base)).toBe(true);
    expect(isCompact([1280, 431, 0, 0, 1280, 431], { launcher: false, offsetY: 20 })).toBe(false);
  });
});

describe('panelClipPath', () => {
  it('joins the panel rectangle and the launcher octagon', () => {
    expect(panelClipPath(100, 50, 'right')).toBe(
      'polygon(0px 0px, 100px 0px, 100px 74px, 100px 114px, 92px 122px, 52px 122px, 44px 114px, 44px 74px, 52px 66px, 92px 66px, 100px 74px, 100px 50px, 0px 50px)',
    );
  });
});

describe('INLINE_STYLES', () => {
  it('fills the element', () => {
    expect(INLINE_STYLES).toEqual([['display', 'block'], ['width', '100%'], ['height', '100%'], ['border', '0'], ['color-scheme', 'normal']]);
  });
});
