import { describe, expect, it } from 'vitest';
import { PLACEMENT_DEFAULTS, attributeName, readDataAttributes, setPath } from '../../../src/frame/data-attributes.ts';

const DEFAULTS = { side: 'end', zIndex: 2147483000, launcher: true, open: false, offsetX: 20, offsetY: 20 };

describe('attributeName', () => {
  it('turns a dataset key into its data-* attribute', () => {
    expect(attributeName('apiUrl')).toBe('data-api-url');
    expect(attributeName('zIndex')).toBe('data-z-index');
    expect(attributeName('side')).toBe('data-side');
  });
});

describe('setPath', () => {
  it('creates nested objects and replaces non-object values on the way', () => {
    const target: Record<string, unknown> = { theme: 'dark', keep: 1 };
    setPath(target, 'theme.color.accent', 'x');
    setPath(target, 'locale', 'fr');
    expect(target).toEqual({ theme: { color: { accent: 'x' } }, keep: 1, locale: 'fr' });
  });
});

describe('readDataAttributes', () => {
  it('returns no options, the documented placement defaults and no errors for no attributes', () => {
    expect(PLACEMENT_DEFAULTS).toEqual(DEFAULTS);
    expect(readDataAttributes({})).toEqual({ options: null, placement: DEFAULTS, storage: 'local', errors: [] });
  });

  it('maps every string attribute to its option path, trimmed', () => {
    const { options, errors } = readDataAttributes({
      apiUrl: ' /chatkit ', domainKey: 'dk_1', greeting: 'Hi there', placeholder: 'Ask…', locale: 'fr', title: 'Support',
      frameTitle: 'Support chat', initialThread: 'thr_1', disclaimer: 'AI can be wrong', colorScheme: 'dark', radius: 'pill', density: 'compact',
    });
    expect(errors).toEqual([]);
    expect(options).toEqual({
      api: { url: '/chatkit', domainKey: 'dk_1' },
      startScreen: { greeting: 'Hi there' },
      composer: { placeholder: 'Ask…' },
      locale: 'fr',
      header: { title: { text: 'Support' } },
      frameTitle: 'Support chat',
      initialThread: 'thr_1',
      disclaimer: { text: 'AI can be wrong' },
      theme: { colorScheme: 'dark', radius: 'pill', density: 'compact' },
    });
  });

  it('ignores empty string attributes', () => {
    expect(readDataAttributes({ apiUrl: '', greeting: '   ' })).toEqual({ options: null, placement: DEFAULTS, storage: 'local', errors: [] });
  });

  it('maps every boolean attribute, with an empty value meaning true', () => {
    const { options, errors } = readDataAttributes({ history: 'false', attachments: '', feedback: 'true', retry: 'false', autoScroll: ' true ', dictation: 'true' });
    expect(errors).toEqual([]);
    expect(options).toEqual({
      history: { enabled: false },
      composer: { attachments: { enabled: true }, dictation: { enabled: true } },
      threadItemActions: { feedback: true, retry: false },
      thread: { autoScroll: true },
    });
  });

  it('maps accent, font size and the upload strategies', () => {
    expect(readDataAttributes({ accent: '#0a84ff', fontSize: '15' }).options).toEqual({ theme: { color: { accent: { primary: '#0a84ff', level: 1 } }, typography: { baseSize: 15 } } });
    expect(readDataAttributes({ uploadUrl: '/upload' }).options).toEqual({ api: { uploadStrategy: { type: 'direct', uploadUrl: '/upload' } } });
    expect(readDataAttributes({ uploadStrategy: 'direct', uploadUrl: '/up' }).options).toEqual({ api: { uploadStrategy: { type: 'direct', uploadUrl: '/up' } } });
    expect(readDataAttributes({ uploadStrategy: 'two_phase' }).options).toEqual({ api: { uploadStrategy: { type: 'two_phase' } } });
  });

  it('maps every placement attribute', () => {
    const r = readDataAttributes({ side: 'left', open: '', launcher: 'false', zIndex: '-2147483648', offsetX: '0', offsetY: '10000', loadTimeout: '5000' });
    expect(r).toEqual({ options: null, placement: { side: 'left', open: true, launcher: false, zIndex: -2147483648, offsetX: 0, offsetY: 10000 }, storage: 'local', errors: [] });
    expect(readDataAttributes({ zIndex: '2147483647' }).placement.zIndex).toBe(2147483647);
  });

  it('reads data-storage: local (default), session or none', () => {
    expect(['local', 'session', 'none', ' none '].map((storage) => readDataAttributes({ storage }).storage)).toEqual(['local', 'session', 'none', 'none']);
  });

  it('reports each bad value with its exact message and keeps the default', () => {
    const cases: [Record<string, string>, string][] = [
      [{ side: 'top' }, 'data-side: expected "start" | "end" | "left" | "right", received "top"'],
      [{ zIndex: 'high' }, 'data-z-index: expected an integer from -2147483648 to 2147483647, received "high"'],
      [{ zIndex: '2147483648' }, 'data-z-index: expected an integer from -2147483648 to 2147483647, received "2147483648"'],
      [{ zIndex: '1.5' }, 'data-z-index: expected an integer from -2147483648 to 2147483647, received "1.5"'],
      [{ zIndex: '1e3' }, 'data-z-index: expected an integer from -2147483648 to 2147483647, received "1e3"'],
      [{ offsetX: '-1' }, 'data-offset-x: expected an integer from 0 to 10000, received "-1"'],
      [{ offsetY: '10001' }, 'data-offset-y: expected an integer from 0 to 10000, received "10001"'],
      [{ offsetY: '' }, 'data-offset-y: expected an integer from 0 to 10000, received ""'],
      [{ open: 'yes' }, 'data-open: expected "true" | "false", received "yes"'],
      [{ launcher: '0' }, 'data-launcher: expected "true" | "false", received "0"'],
      [{ loadTimeout: '0' }, 'data-load-timeout: expected a positive integer (milliseconds), received "0"'],
      [{ loadTimeout: 'soon' }, 'data-load-timeout: expected a positive integer (milliseconds), received "soon"'],
      [{ loadTimeout: '-5' }, 'data-load-timeout: expected a positive integer (milliseconds), received "-5"'],
      [{ storage: 'cookie' }, 'data-storage: expected "local" | "session" | "none", received "cookie"'],
    ];
    for (const [data, message] of cases) expect(readDataAttributes(data)).toEqual({ options: null, placement: DEFAULTS, storage: 'local', errors: [message] });
  });

  it('reports bad option values with their exact message and leaves the option unset', () => {
    const cases: [Record<string, string>, string][] = [
      [{ options: '[1]' }, 'data-options: expected a JSON object, received "[1]"'],
      [{ options: '{"a":' }, 'data-options: expected a JSON object, received "{\\"a\\":"'],
      [{ options: 'null' }, 'data-options: expected a JSON object, received "null"'],
      [{ options: '"text"' }, 'data-options: expected a JSON object, received "\\"text\\""'],
      [{ history: 'nope' }, 'data-history: expected "true" | "false", received "nope"'],
      [{ autoScroll: 'TRUE' }, 'data-auto-scroll: expected "true" | "false", received "TRUE"'],
      [{ fontSize: '20' }, 'data-font-size: expected an integer from 14 to 18, received "20"'],
      [{ fontSize: '16px' }, 'data-font-size: expected an integer from 14 to 18, received "16px"'],
      [{ uploadStrategy: 's3' }, 'data-upload-strategy: expected "direct" | "two_phase", received "s3"'],
      [{ uploadStrategy: 'direct' }, 'data-upload-strategy: "direct" needs data-upload-url'],
    ];
    for (const [data, message] of cases) expect(readDataAttributes(data)).toEqual({ options: null, placement: DEFAULTS, storage: 'local', errors: [message] });
  });

  it('truncates long bad values in messages to 57 characters and an ellipsis', () => {
    const long = 'x'.repeat(100);
    expect(readDataAttributes({ side: long }).errors).toEqual([`data-side: expected "start" | "end" | "left" | "right", received "${'x'.repeat(57)}..."`]);
  });

  it('collects several errors in attribute order while keeping the good values', () => {
    const r = readDataAttributes({ options: '[]', locale: 'de', history: 'maybe', side: 'left', zIndex: 'top', offsetX: '8' });
    expect(r.errors).toEqual([
      'data-options: expected a JSON object, received "[]"',
      'data-history: expected "true" | "false", received "maybe"',
      'data-z-index: expected an integer from -2147483648 to 2147483647, received "top"',
    ]);
    expect(r.options).toEqual({ locale: 'de' });
    expect(r.placement).toEqual({ ...DEFAULTS, side: 'left', offsetX: 8 });
  });

  it('uses data-options as the base and lets scalar attributes override its keys', () => {
    const r = readDataAttributes({
      options: '{"locale":"de","theme":{"colorScheme":"light","radius":"sharp"},"history":{"enabled":true},"header":"bad"}',
      locale: 'fr',
      colorScheme: 'dark',
      history: 'false',
      title: 'Hi',
    });
    expect(r.errors).toEqual([]);
    expect(r.options).toEqual({ locale: 'fr', theme: { colorScheme: 'dark', radius: 'sharp' }, history: { enabled: false }, header: { title: { text: 'Hi' } } });
  });

  it('lets "__proto__" in data-options pollute nothing', () => {
    const r = readDataAttributes({ options: '{"__proto__":{"polluted":true},"theme":{"__proto__":{"polluted":true}}}', radius: 'pill' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r.options)).toBe(Object.prototype);
    expect((r.options as Record<string, unknown>).polluted).toBeUndefined();
    expect((r.options!.theme as Record<string, unknown>).radius).toBe('pill');
    expect((r.options!.theme as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.errors).toEqual([]);
  });

  it('reads only own properties of the dataset', () => {
    const inherited = Object.create({ side: 'left', apiUrl: '/evil' }) as Record<string, string>;
    expect(readDataAttributes(inherited)).toEqual({ options: null, placement: DEFAULTS, storage: 'local', errors: [] });
  });
});
