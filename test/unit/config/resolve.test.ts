import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../../src/config/resolve.ts';
import type { ChatKitOptions } from '../../../src/config/types.ts';

const API = { url: '/chatkit', domainKey: 'dk' };
const messages = (input: unknown): string[] => resolveOptions(input).errors.map((e) => e.message);

describe('resolveOptions with a complete, valid options object', () => {
  const fetchFn: typeof fetch = async () => new Response('');
  const onClientTool = () => ({ ok: true });
  const onClick = () => undefined;
  const onTagSearch = async () => [];
  const onSearch = async () => [];
  const onAction = async () => undefined;
  const uploadStrategy = { type: 'direct', uploadUrl: '/upload' } as const;
  const font = { family: 'Inter', src: '/fonts/inter.woff2', style: 'normal', display: 'swap', unicodeRange: 'U+0-FF' } as const;
  const header = {
    enabled: false,
    title: { enabled: false, text: 'Help' },
    leftAction: { icon: 'sidebar-left', onClick },
    rightAction: { icon: 'close', onClick },
  } as const;
  const attachments = { enabled: true, maxSize: { 'image/*': 1024, '*': 2048 }, maxCount: 3, accept: { 'image/*': ['.png'] } };
  const tool = {
    id: 'search',
    label: 'Search',
    icon: 'lucide:search-check',
    shortLabel: 'S',
    placeholderOverride: 'Search…',
    pinned: true,
    persistent: true,
  } as const;
  const model = { id: 'm1', label: 'Fast', description: 'quick', disabled: false, default: true };
  const tagged = [
    { type: 'input_text', text: 'About ' },
    { type: 'input_tag', id: 'd1', text: 'Doc', data: { k: 'v' } },
  ] as const;
  const full: ChatKitOptions = {
    api: { url: 'https://example.com/chatkit', domainKey: 'dk', fetch: fetchFn, uploadStrategy },
    locale: 'fr-FR',
    theme: {
      colorScheme: 'dark',
      radius: 'soft',
      density: 'compact',
      typography: {
        baseSize: 15,
        fontFamily: "Inter, 'Helvetica Neue', sans-serif",
        fontFamilyMono: 'JetBrains Mono, monospace',
        fontSources: [{ ...font, weight: 400 }],
      },
      color: {
        grayscale: { hue: 220, tint: 4, shade: -1 },
        accent: { primary: '#10a37f', level: 2 },
        surface: { background: 'rgb(20 20 20)', foreground: 'white' },
      },
    },
    frameTitle: 'Support chat',
    initialThread: 'thr_1',
    onClientTool,
    header,
    history: { enabled: false, showDelete: false, showRename: false },
    startScreen: {
      greeting: 'Hi!',
      prompts: [
        { label: 'Plan', prompt: 'Plan my day', icon: 'calendar' },
        { label: 'Tagged', prompt: [...tagged] },
      ],
    },
    threadItemActions: { feedback: true, retry: true },
    composer: { placeholder: 'Ask', attachments, tools: [tool], models: [model], dictation: { enabled: true } },
    disclaimer: { text: '**AI** can be wrong', highContrast: true },
    entities: { onTagSearch, showComposerMenu: true, onClick },
    commands: { enabled: true, onSearch },
    widgets: { onAction },
    thread: { autoScroll: true },
  };

  it('resolves every key with no errors and without changing the input', () => {
    const before = JSON.stringify(full);
    const { options, errors } = resolveOptions(full);
    expect(errors).toEqual([]);
    expect(JSON.stringify(full)).toBe(before);
    expect(options).toEqual({
      api: { type: 'custom', url: 'https://example.com/chatkit', domainKey: 'dk', fetch: fetchFn, uploadStrategy },
      locale: 'fr-FR',
      theme: {
        colorScheme: 'dark',
        radius: 'soft',
        density: 'compact',
        typography: {
          baseSize: 15,
          fontFamily: '"Inter", "Helvetica Neue", sans-serif',
          fontFamilyMono: '"JetBrains Mono", monospace',
          fontSources: [{ ...font, weight: '400' }],
        },
        color: {
          grayscale: { hue: 220, tint: 4, shade: -1 },
          accent: { primary: { r: 16, g: 163, b: 127, a: 1 }, level: 2 },
          surface: { background: { r: 20, g: 20, b: 20, a: 1 }, foreground: { r: 255, g: 255, b: 255, a: 1 } },
        },
      },
      frameTitle: 'Support chat',
      initialThread: 'thr_1',
      onClientTool,
      header,
      history: { enabled: false, showDelete: false, showRename: false },
      startScreen: {
        greeting: 'Hi!',
        prompts: [
          { label: 'Plan', prompt: 'Plan my day', icon: 'calendar' },
          { label: 'Tagged', prompt: tagged },
        ],
      },
      threadItemActions: { feedback: true, retry: true },
      composer: { placeholder: 'Ask', attachments, tools: [tool], models: [model], dictation: { enabled: true } },
      disclaimer: { text: '**AI** can be wrong', highContrast: true },
      entities: { onTagSearch, showComposerMenu: true, onClick },
      commands: { enabled: true, onSearch },
      widgets: { onAction },
      thread: { autoScroll: true },
    });
  });

  it('returns fresh objects, never the caller’s', () => {
    const { options } = resolveOptions(full);
    expect(options.header).not.toBe(header);
    expect(options.composer.attachments.accept).not.toBe(attachments.accept);
    expect(options.startScreen.prompts[1]?.prompt).not.toBe(full.startScreen?.prompts?.[1]?.prompt);
  });
});

describe('resolveOptions defaults', () => {
  it('fills in every documented default when only api is given', () => {
    const { options, errors } = resolveOptions({ api: API });
    expect(errors).toEqual([]);
    expect(options).toEqual({
      api: { type: 'custom', url: '/chatkit', domainKey: 'dk' },
      theme: { colorScheme: 'light', radius: 'pill', density: 'normal', typography: { fontSources: [] }, color: {} },
      header: { enabled: true, title: { enabled: true } },
      history: { enabled: true, showDelete: true, showRename: true },
      startScreen: { prompts: [] },
      threadItemActions: { feedback: false, retry: false },
      composer: {
        attachments: { enabled: false, maxSize: 104857600, maxCount: 10 },
        tools: [],
        models: [],
        dictation: { enabled: false },
      },
      entities: { showComposerMenu: false },
      commands: { enabled: false },
      widgets: {},
      thread: { autoScroll: false },
    });
    expect(options.locale).toBeUndefined();
    expect(options.startScreen.greeting).toBeUndefined();
    expect(options.composer.placeholder).toBeUndefined();
  });

  it('accepts a bare colour scheme as the theme', () => {
    expect(resolveOptions({ api: API, theme: 'dark' }).options.theme).toEqual({
      colorScheme: 'dark', radius: 'pill', density: 'normal', typography: { fontSources: [] }, color: {},
    });
  });

  it('fills attachment limits when only enabled is given', () => {
    expect(resolveOptions({ api: API, composer: { attachments: { enabled: true } } }).options.composer.attachments).toEqual({
      enabled: true, maxSize: 104857600, maxCount: 10,
    });
  });

  it('resolves a hosted api', () => {
    const getClientSecret = async () => 'secret';
    expect(resolveOptions({ api: { getClientSecret } })).toEqual({
      options: expect.objectContaining({ api: { type: 'hosted', getClientSecret } }),
      errors: [],
    });
  });
});

describe('resolveOptions per key group: a valid value applies, an invalid one is reported and ignored', () => {
  const fn = () => undefined;
  type Options = ReturnType<typeof resolveOptions>['options'];
  type Case = {
    valid: object;
    read: (o: Options) => unknown;
    applied: unknown;
    invalid: object;
    error: string;
    fallback: unknown;
  };
  const cases: Record<string, Case> = {
    locale: {
      valid: { locale: 'de' },
      read: (o) => o.locale,
      applied: 'de',
      invalid: { locale: 'de DE' },
      error: 'locale: expected a locale such as "en" or "fr-FR", received "de DE"',
      fallback: undefined,
    },
    theme: {
      valid: { theme: { density: 'spacious' } },
      read: (o) => o.theme.density,
      applied: 'spacious',
      invalid: { theme: { density: 'roomy' } },
      error: 'theme.density: expected one of "compact" | "normal" | "spacious", received "roomy"',
      fallback: 'normal',
    },
    frameTitle: {
      valid: { frameTitle: 'Help' },
      read: (o) => o.frameTitle,
      applied: 'Help',
      invalid: { frameTitle: '' },
      error: 'frameTitle: expected a non-empty string, received ""',
      fallback: undefined,
    },
    initialThread: {
      valid: { initialThread: 't1' },
      read: (o) => o.initialThread,
      applied: 't1',
      invalid: { initialThread: 42 },
      error: 'initialThread: expected string or null, received 42',
      fallback: undefined,
    },
    onClientTool: {
      valid: { onClientTool: fn },
      read: (o) => o.onClientTool,
      applied: fn,
      invalid: { onClientTool: 'handler' },
      error: 'onClientTool: expected function, received "handler"',
      fallback: undefined,
    },
    header: {
      valid: { header: { title: { text: 'Hi' } } },
      read: (o) => o.header,
      applied: { enabled: true, title: { enabled: true, text: 'Hi' } },
      invalid: { header: { enabled: false, leftAction: { icon: 'home' } } },
      error: 'header.leftAction.onClick: expected function, received nothing',
      fallback: { enabled: false, title: { enabled: true } },
    },
    history: {
      valid: { history: { showDelete: false } },
      read: (o) => o.history,
      applied: { enabled: true, showDelete: false, showRename: true },
      invalid: { history: { enabled: 'yes', showRename: false } },
      error: 'history.enabled: expected boolean, received "yes"',
      fallback: { enabled: true, showDelete: true, showRename: false },
    },
    startScreen: {
      valid: { startScreen: { greeting: 'Yo' } },
      read: (o) => o.startScreen,
      applied: { greeting: 'Yo', prompts: [] },
      invalid: { startScreen: { greeting: 'Yo', prompts: [{ label: 'x', prompt: 5 }] } },
      error: 'startScreen.prompts[0].prompt: expected a string or an array of message parts, received 5',
      fallback: { greeting: 'Yo', prompts: [] },
    },
    threadItemActions: {
      valid: { threadItemActions: { retry: true } },
      read: (o) => o.threadItemActions,
      applied: { feedback: false, retry: true },
      invalid: { threadItemActions: { retry: 1, feedback: true } },
      error: 'threadItemActions.retry: expected boolean, received 1',
      fallback: { feedback: true, retry: false },
    },
    composer: {
      valid: { composer: { attachments: { enabled: true, maxCount: 2 } } },
      read: (o) => o.composer.attachments,
      applied: { enabled: true, maxSize: 104857600, maxCount: 2 },
      invalid: { composer: { attachments: { enabled: true, maxCount: 0 } } },
      error: 'composer.attachments.maxCount: expected a number >= 1, received 0',
      fallback: { enabled: true, maxSize: 104857600, maxCount: 10 },
    },
    disclaimer: {
      valid: { disclaimer: { text: 'Note' } },
      read: (o) => o.disclaimer,
      applied: { text: 'Note', highContrast: false },
      invalid: { disclaimer: { highContrast: true } },
      error: 'disclaimer.text: expected string, received nothing',
      fallback: undefined,
    },
    entities: {
      valid: { entities: { onClick: fn } },
      read: (o) => o.entities,
      applied: { onClick: fn, showComposerMenu: false },
      invalid: { entities: { onClick: fn, showComposerMenu: 'on' } },
      error: 'entities.showComposerMenu: expected boolean, received "on"',
      fallback: { onClick: fn, showComposerMenu: false },
    },
    commands: {
      valid: { commands: { enabled: true } },
      read: (o) => o.commands,
      applied: { enabled: true },
      invalid: { commands: { onSearch: fn } },
      error: 'commands.enabled: expected boolean, received nothing',
      fallback: { enabled: false },
    },
    widgets: {
      valid: { widgets: { onAction: fn } },
      read: (o) => o.widgets,
      applied: { onAction: fn },
      invalid: { widgets: { onAction: {} } },
      error: 'widgets.onAction: expected function, received an object',
      fallback: {},
    },
    thread: {
      valid: { thread: { autoScroll: true } },
      read: (o) => o.thread,
      applied: { autoScroll: true },
      invalid: { thread: [] },
      error: 'thread: expected object, received an array',
      fallback: { autoScroll: false },
    },
  };

  it.each(Object.entries(cases))('%s', (_key, c) => {
    const ok = resolveOptions({ api: API, ...c.valid });
    expect(ok.errors).toEqual([]);
    expect(c.read(ok.options)).toEqual(c.applied);
    const bad = resolveOptions({ api: API, ...c.invalid });
    expect(bad.errors).toEqual([{ path: c.error.slice(0, c.error.indexOf(':')), message: c.error }]);
    expect(c.read(bad.options)).toEqual(c.fallback);
  });
});

describe('resolveOptions drops only what is invalid', () => {
  it('drops one bad prompt and keeps the others in order', () => {
    const { options, errors } = resolveOptions({
      api: API,
      startScreen: { prompts: [{ label: 'A', prompt: 'a' }, { label: 'B' }, { label: 'C', prompt: 'c', icon: 'made-up-icon' }] },
    });
    expect(errors.map((e) => e.message)).toEqual([
      'startScreen.prompts[1].prompt: expected a string or an array of message parts, received nothing',
    ]);
    expect(options.startScreen.prompts).toEqual([{ label: 'A', prompt: 'a' }, { label: 'C', prompt: 'c', icon: 'made-up-icon' }]);
  });

  it('drops several bad elements of one array, including a doubly-broken one', () => {
    const { options, errors } = resolveOptions({
      api: API,
      composer: { tools: [{ id: 1 }, { id: 'a', label: 'A', icon: 'search' }, { id: 'b', label: 'B', icon: '' }, 'x'] },
    });
    expect(errors.map((e) => e.message)).toEqual([
      'composer.tools[0].id: expected string, received 1',
      'composer.tools[0].label: expected string, received nothing',
      'composer.tools[0].icon: expected string, received nothing',
      'composer.tools[2].icon: expected an icon name, received ""',
      'composer.tools[3]: expected object, received "x"',
    ]);
    expect(options.composer.tools).toEqual([{ id: 'a', label: 'A', icon: 'search', pinned: false, persistent: false }]);
  });

  it('keeps the accent and the rest of the theme when the radius is bad', () => {
    const { options, errors } = resolveOptions({
      api: API,
      theme: { colorScheme: 'dark', radius: 'huge', color: { accent: { primary: '#ff0000', level: 1 } } },
    });
    expect(errors.map((e) => e.message)).toEqual(['theme.radius: expected one of "pill" | "round" | "soft" | "sharp", received "huge"']);
    expect(options.theme.radius).toBe('pill');
    expect(options.theme.colorScheme).toBe('dark');
    expect(options.theme.color.accent).toEqual({ primary: { r: 255, g: 0, b: 0, a: 1 }, level: 1 });
  });

  it('drops an accent whose colour is hostile CSS and reports it', () => {
    const accent = { primary: 'red; background:url(x)', level: 1 };
    const { options, errors } = resolveOptions({ api: API, theme: { color: { accent } } });
    expect(errors.map((e) => e.message)).toEqual([
      'theme.color.accent.primary: expected a CSS colour (hex, rgb(), hsl() or a colour name), received "red; background:url(x)"',
    ]);
    expect(options.theme.color).toEqual({});
  });

  it('drops a bad per-type size limit but keeps the others', () => {
    const attachments = { enabled: true, maxSize: { 'image/*': -1, '*': 5 } };
    const { options, errors } = resolveOptions({ api: API, composer: { attachments } });
    expect(errors.map((e) => e.message)).toEqual(['composer.attachments.maxSize.image/*: expected a number >= 1, received -1']);
    expect(options.composer.attachments.maxSize).toEqual({ '*': 5 });
  });

  it('reports a theme that is neither a scheme nor an object', () => {
    expect(messages({ api: API, theme: 'blue' })).toEqual(['theme: expected one of "light" | "dark", received "blue"']);
    expect(messages({ api: API, theme: 7 })).toEqual(['theme: expected "light" | "dark" or a theme object, received 7']);
  });

  it('reports a bad part inside a structured prompt at its own path', () => {
    expect(messages({ api: API, startScreen: { prompts: [{ label: 'x', prompt: [{ type: 'input_tag', text: 'T' }] }] } })).toEqual([
      'startScreen.prompts[0].prompt[0].id: expected string, received nothing',
    ]);
  });
});

describe('resolveOptions api', () => {
  const SHAPE =
    '{ url: string, domainKey?: string, fetch?: function, uploadStrategy?: { type: "two_phase" } | ' +
    '{ type: "direct", uploadUrl: string } } or { getClientSecret: function }';

  it('resolves a missing api to null with an error that shows the expected shape', () => {
    const { options, errors } = resolveOptions({ theme: 'dark' });
    expect(errors).toEqual([{ path: 'api', message: `api: expected ${SHAPE}, received nothing` }]);
    expect(options.api).toBeNull();
    expect(options.theme.colorScheme).toBe('dark');
  });

  it('resolves an api of the wrong shape to null', () => {
    expect(resolveOptions({ api: { endpoint: '/x' } }).errors).toEqual([
      { path: 'api', message: `api: expected ${SHAPE}, received an object` },
    ]);
    expect(resolveOptions({ api: '/chatkit' }).options.api).toBeNull();
  });

  it('resolves an api with an unusable url or secret function to null, naming the field', () => {
    const bad = resolveOptions({ api: { url: 'javascript:alert(1)' } });
    expect(bad.errors.map((e) => e.message)).toEqual(['api.url: expected an http(s) or relative URL, received "javascript:alert(1)"']);
    expect(bad.options.api).toBeNull();
    expect(messages({ api: { getClientSecret: 'secret' } })).toEqual(['api.getClientSecret: expected function, received "secret"']);
  });

  it('keeps the url when only the upload strategy is bad', () => {
    const { options, errors } = resolveOptions({ api: { url: '/ck', uploadStrategy: { type: 'hosted' } } });
    expect(errors.map((e) => e.message)).toEqual(['api.uploadStrategy.type: expected one of "two_phase" | "direct", received "hosted"']);
    expect(options.api).toEqual({ type: 'custom', url: '/ck' });
  });

  it('accepts an api without a domain key', () => {
    expect(resolveOptions({ api: { url: '/ck' } })).toMatchObject({ options: { api: { type: 'custom', url: '/ck' } }, errors: [] });
  });
});

describe('resolveOptions unknown keys', () => {
  it('suggests the known key for a likely misspelling', () => {
    expect(resolveOptions({ api: API, heder: { enabled: false } }).errors).toEqual([
      { path: 'heder', message: 'heder: unknown option; did you mean "header"?' },
    ]);
    expect(messages({ api: API, startscreen: {}, theem: 'dark', threadItemAction: {} })).toEqual([
      'startscreen: unknown option; did you mean "startScreen"?',
      'theem: unknown option; did you mean "theme"?',
      'threadItemAction: unknown option; did you mean "threadItemActions"?',
    ]);
  });

  it('ignores unrelated unknown keys silently', () => {
    expect(messages({ api: API, position: 'left', zIndex: 5, ui: 1, onReady: () => undefined })).toEqual([]);
  });

  it('lists schema errors before misspellings', () => {
    expect(messages({ hedaer: 1, api: API, frameTitle: 3 })).toEqual([
      'frameTitle: expected string, received 3',
      'hedaer: unknown option; did you mean "header"?',
    ]);
  });
});

describe('resolveOptions with hostile or broken input', () => {
  it('reports non-object input once at (root) and returns all defaults', () => {
    const defaults = resolveOptions({}).options;
    for (const [input, received] of [[5, '5'], [null, 'null'], ['x', '"x"'], [[1], 'an array'], [undefined, 'nothing']] as const) {
      const { options, errors } = resolveOptions(input);
      expect(errors).toEqual([{ path: '(root)', message: `(root): expected object, received ${received}` }]);
      expect(options).toEqual(defaults);
    }
    expect(defaults.api).toBeNull();
  });

  it('is immune to __proto__ and constructor keys', () => {
    const input = JSON.parse(
      '{"api":{"url":"/ck"},"__proto__":{"polluted":true,"frameTitle":"evil"},"constructor":{"prototype":{"polluted":true}},' +
        '"composer":{"attachments":{"enabled":true,"maxSize":{"__proto__":{"x":1},"*":5}}},' +
        '"startScreen":{"prompts":[{"label":"p","prompt":[' +
        '{"type":"input_tag","id":"a","text":"b","data":{"__proto__":{"polluted":true}}}]}]}}',
    ) as unknown;
    const { options, errors } = resolveOptions(input);
    expect(errors).toEqual([]);
    expect(options.frameTitle).toBeUndefined();
    expect(options.composer.attachments.maxSize).toEqual({ '*': 5 });
    expect(Object.getPrototypeOf(options.composer.attachments.maxSize)).toBe(Object.prototype);
    const part = options.startScreen.prompts[0]?.prompt[0];
    expect(typeof part === 'object' && part.type === 'input_tag' ? part.data : 'missing').toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ignores inherited keys', () => {
    const input = Object.create({ frameTitle: 'inherited' }) as Record<string, unknown>;
    input.api = API;
    expect(resolveOptions(input).options.frameTitle).toBeUndefined();
  });

  it('never throws, even on throwing getters, proxies and cycles', () => {
    const getter = { api: API, get frameTitle(): string { throw new Error('boom'); } };
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const cycle: Record<string, unknown> = { api: API };
    cycle.header = cycle;
    expect(resolveOptions(getter)).toMatchObject({ errors: [], options: { history: { enabled: true }, api: { url: '/chatkit' } } });
    expect(resolveOptions(trap)).toMatchObject({
      errors: [{ path: '(root)', message: '(root): expected object, received nothing' }],
      options: { history: { enabled: true } },
    });
    expect(resolveOptions(cycle)).toMatchObject({ errors: [], options: { header: { enabled: true, title: { enabled: true } } } });
  });

  it('does not mutate the input when it drops values', () => {
    const input = { api: API, startScreen: { prompts: [{ label: 'A', prompt: 'a' }, { label: 2 }] } };
    const before = JSON.stringify(input);
    resolveOptions(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
