// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyTheme } from '../../../src/frame/theme.ts';
import { createAppModel } from '../../../src/store/app-model.ts';

/** The shell model with a host that records events. */
function shell(options: Record<string, unknown>) {
  const events: { name: string; detail: unknown }[] = [];
  const app = createAppModel({
    host: { emit: (name: string, detail?: unknown) => void events.push({ name, detail }), call: async () => undefined },
    boot: { baseUrl: 'https://site.example/page', data: {}, inline: false, metrics: [1280, 800, 0, 0, 1280, 800] },
    reducedMotion: () => true,
    nextFrame: () => Promise.resolve(),
    navigatorLanguages: ['en-US'],
  });
  app.setOptions({ api: { url: '/chatkit' }, ...options });
  return { app, events };
}

/** A FontFace whose load fails (a font server that is down), and a document.fonts that accepts faces. */
function failingFonts(): void {
  vi.stubGlobal(
    'FontFace',
    class {
      constructor(
        public family: string,
        public src: string,
      ) {}
      load = () => Promise.reject(new DOMException('A network error occurred.', 'NetworkError'));
    },
  );
  Object.defineProperty(document, 'fonts', { configurable: true, value: { add: () => undefined } });
}

afterEach(() => vi.unstubAllGlobals());

describe('web fonts that fail to load', () => {
  it('fall back quietly: no chatkit.error, one chatkit.log naming every failed source', async () => {
    failingFonts();
    const faces = ['100', '200', '300', '400', '500', '600', '700', '800'].map((weight) => ({ family: 'Brand', src: `/fonts/brand-${weight}.woff2`, weight }));
    const h = shell({ theme: { typography: { fontFamily: 'Brand, sans-serif', fontSources: faces } } });
    const stop = applyTheme(h.app, document.createElement('div'));
    await new Promise((r) => setTimeout(r, 10));
    stop();
    expect(h.events.filter((e) => e.name === 'chatkit.error')).toEqual([]);
    const logs = h.events.filter((e) => e.name === 'chatkit.log' && (e.detail as { name: string }).name === 'font.load.failed');
    expect(logs).toHaveLength(1);
    expect((logs[0]!.detail as { data: { sources: string[] } }).data.sources).toHaveLength(8);
  });
});
