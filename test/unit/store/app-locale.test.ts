/** The shell's locale-dependent state: launcher side in logical terms, and the iframe title it sends. */
import { describe, expect, it } from 'vitest';
import { createAppModel } from '../../../src/store/app-model.ts';

function shell(data: Record<string, string>, navigatorLanguages: string[]) {
  const events: { name: string; detail?: unknown }[] = [];
  const app = createAppModel({
    host: { emit: (name, detail) => void events.push({ name, detail }), call: async () => undefined },
    boot: { baseUrl: 'https://site.example/', data, inline: false, metrics: [1280, 800, 0, 0, 1280, 800] },
    reducedMotion: () => true,
    nextFrame: () => Promise.resolve(),
    navigatorLanguages,
  });
  const last = () => events.filter((e) => e.name === 'layout').at(-1)!.detail as { title: string; styles: [string, string][] };
  return { app, last, styles: () => Object.fromEntries(last().styles) };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('launcher side', () => {
  it('puts end on the right in LTR and on the left in RTL; start the other way; left/right as given', () => {
    const cases: [string | undefined, string, 'left' | 'right'][] = [
      [undefined, 'en', 'right'], [undefined, 'ar', 'left'], ['end', 'he', 'left'], ['start', 'de', 'left'],
      ['start', 'fa', 'right'], ['left', 'ur', 'left'], ['right', 'ar', 'right'], ['left', 'ja', 'left'],
    ];
    for (const [side, language, expected] of cases) {
      const { app, styles } = shell(side ? { side } : {}, [language]);
      expect(app.side.value, `${side} ${language}`).toBe(expected);
      expect(styles()[expected], `${side} ${language}`).toBe('20px');
      expect(styles()[expected === 'left' ? 'right' : 'left']).toBe('auto');
    }
  });

  it('follows a locale option that changes the direction', () => {
    const { app, styles } = shell({}, ['en']);
    app.setOptions({ locale: 'ar' });
    expect(app.side.value).toBe('left');
    expect(styles().left).toBe('20px');
  });
});

describe('iframe title', () => {
  it('is "Chat" in the UI language once its strings load, and frameTitle when given', async () => {
    const arabic = shell({}, ['ar']);
    expect(arabic.last().title).toBe('Chat');
    await until(() => arabic.last().title !== 'Chat');
    expect(arabic.last().title).toBe('الدردشة');
    arabic.app.setOptions({ frameTitle: 'الدعم' });
    expect(arabic.last().title).toBe('الدعم');

    const fromData = shell({ frameTitle: 'Support', locale: 'ja' }, []);
    fromData.app.start();
    await until(() => fromData.app.strings.value.chat !== 'Chat');
    expect(fromData.app.strings.value.chat).toBe('チャット');
    expect(fromData.last().title).toBe('Support');
  });
});
