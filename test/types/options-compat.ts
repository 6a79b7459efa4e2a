/**
 * Type-level test, checked by `tsc -p tsconfig.json --noEmit` (nothing here runs): every value typed with
 * `@openai/chatkit`'s types is accepted by ours, key by key, so existing integrations compile unchanged.
 */
import type * as Theirs from '@openai/chatkit';
import type * as Ours from '../../src/config/types.ts';

type Assignable<A, B> = [A] extends [B] ? true : false;
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assert = <T extends true>(): T | undefined => undefined;

// Same keys, and every key's type accepted.
assert<Equal<keyof Theirs.ChatKitOptions, keyof Ours.ChatKitOptions>>();
assert<Assignable<Theirs.ChatKitOptions, Ours.ChatKitOptions>>();
type PerKey = { [K in keyof Theirs.ChatKitOptions]-?: Assignable<Theirs.ChatKitOptions[K], Ours.ChatKitOptions[K]> };
assert<Equal<PerKey[keyof PerKey], true>>();

// Methods' parameter types and the event map, in both directions.
type Element = Theirs.OpenAIChatKit;
assert<Equal<Parameters<Element['sendUserMessage']>[0], Ours.SendUserMessageParams>>();
assert<Equal<Parameters<Element['setComposerValue']>[0], Ours.SetComposerValueParams>>();
assert<Equal<Parameters<Element['sendCustomAction']>[0], Ours.CustomAction>>();
assert<Equal<Theirs.ChatKitEvents, Ours.ChatKitEvents>>();
assert<Equal<Theirs.Entity, Ours.Entity>>();
assert<Equal<Theirs.Command, Ours.Command>>();
assert<Equal<Theirs.CommandSelection, Ours.CommandSelection>>();
assert<Equal<Theirs.UserMessageContent, Ours.UserMessageContent>>();
assert<Equal<Theirs.Attachment, Ours.Attachment>>();
assert<Equal<Theirs.ToolOption, Ours.ToolOption>>();
assert<Equal<Theirs.ModelOption, Ours.ModelOption>>();
assert<Equal<Theirs.ThemeOption, Ours.ThemeOption>>();
assert<Equal<Theirs.ChatKitIcon, Ours.ChatKitIcon>>();
assert<Equal<Theirs.HeaderIcon, Ours.HeaderIcon>>();
assert<Equal<Theirs.SupportedLocale, Ours.SupportedLocale>>();

// Representative values typed with their types, one per key, assigned to ours.
declare const preview: Theirs.Widgets.BasicRoot;
const api: Theirs.ChatKitOptions['api'] = {
  url: '/chatkit',
  domainKey: 'dk',
  fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
  uploadStrategy: { type: 'two_phase' },
};
const hosted: Theirs.HostedApiConfig = { getClientSecret: async (current) => current ?? 'secret' };
const full: Theirs.ChatKitOptions = {
  api,
  locale: 'zh-Hant',
  theme: {
    colorScheme: 'dark',
    radius: 'soft',
    density: 'spacious',
    typography: {
      baseSize: 16,
      fontFamily: 'Inter',
      fontFamilyMono: 'Menlo',
      fontSources: [{ family: 'I', src: '/i.woff2', weight: 400, style: 'italic', display: 'swap', unicodeRange: 'U+0-FF' }],
    },
    color: {
      grayscale: { hue: 10, tint: 3, shade: -2 },
      accent: { primary: '#f00', level: 3 },
      surface: { background: '#000', foreground: '#fff' },
    },
  },
  frameTitle: 'Chat',
  initialThread: null,
  onClientTool: async ({ name, params }) => ({ name, ...params }),
  header: {
    enabled: true,
    title: { enabled: true, text: 'T' },
    leftAction: { icon: 'sidebar-left', onClick: () => undefined },
    rightAction: { icon: 'share', onClick: () => undefined },
  },
  history: { enabled: true, showDelete: false, showRename: true },
  startScreen: {
    greeting: 'Hi',
    prompts: [{ label: 'L', prompt: [{ type: 'input_tag', id: 'e', text: 'E', data: { a: 1 } }], icon: 'lucide:rocket' }],
  },
  threadItemActions: { feedback: true, retry: true },
  composer: {
    placeholder: 'Ask',
    attachments: { enabled: true, maxSize: { 'image/*': 1 }, maxCount: 2, accept: { 'image/*': ['.png'] } },
    tools: [{ id: 't', label: 'T', icon: 'search', pinned: true }],
    models: [{ id: 'm', label: 'M', default: true }],
    dictation: { enabled: true },
  },
  disclaimer: { text: 'd', highContrast: true },
  entities: {
    onTagSearch: async (query) => [{ id: query, title: query, data: { k: 'v' } }],
    showComposerMenu: true,
    onClick: (entity) => void entity.id,
    onRequestPreview: async () => ({ preview }),
  },
  commands: {
    enabled: true,
    onSearch: async () => [{ id: 'c', label: 'C', icon: 'bolt' }],
    onSelect: async (command) => ({ type: 'menu', commands: [command] }),
  },
  widgets: { onAction: async (action, item) => void [action.type, item.widget.type] },
  thread: { autoScroll: true },
};
export const ours: Ours.ChatKitOptions = full;
export const oursHosted: Ours.ChatKitOptions = { api: hosted, theme: 'light' };
declare const handler: NonNullable<Theirs.WidgetsOption['onAction']>;
export const oursWidgets: Ours.WidgetsOption = { onAction: handler };

// Ours still rejects wrong shapes.
// @ts-expect-error api is required
export const noApi: Ours.ChatKitOptions = { theme: 'dark' };
// @ts-expect-error not a radius
export const badRadius: Ours.ChatKitOptions = { api, theme: { radius: 'huge' } };
// @ts-expect-error not a colour scheme
export const badScheme: Ours.ChatKitOptions = { api, theme: 'blue' };
// @ts-expect-error accent level is 0..3
export const badLevel: Ours.ChatKitOptions = { api, theme: { color: { accent: { primary: 'red', level: 4 } } } };
// @ts-expect-error not a header icon
export const badIcon: Ours.ChatKitOptions = { api, header: { leftAction: { icon: 'rocket', onClick: () => undefined } } };
// @ts-expect-error a prompt needs a label
export const badPrompt: Ours.ChatKitOptions = { api, startScreen: { prompts: [{ prompt: 'p' }] } };
// @ts-expect-error commands.enabled is required
export const badCommands: Ours.ChatKitOptions = { api, commands: {} };
// @ts-expect-error no "hosted" upload strategy
export const badUpload: Ours.ChatKitOptions = { api: { url: '/x', uploadStrategy: { type: 'hosted' } } };
// @ts-expect-error unsupported locale
export const badLocale: Ours.ChatKitOptions = { api, locale: 'xx-XX' };
