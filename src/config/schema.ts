/**
 * Runtime schema of every ChatKit option, with the documented defaults. Messages given here are the
 * "expected …" part of the errors `formatIssue` prints. Dropping invalid values (so defaults apply) is done
 * by resolve.ts; this file only says what is valid.
 */
import * as z from '../protocol/zod.ts';
import { parseColor, type Rgba } from './color.ts';
import { DEFAULT_MAX_ATTACHMENT_COUNT, DEFAULT_MAX_ATTACHMENT_SIZE } from './defaults.ts';
import { isFontFaceFamily, isFontUrl, isUnicodeRange, normalizeFontWeight, serializeFontFamilies } from './fonts.ts';
import type { ResolvedApi } from './resolved.ts';
import type { ChatKitOptions, CommandsOption, EntitiesOption, HostedApiConfig, WidgetsOption } from './types.ts';

type Schema<T = unknown> = z.ZodMiniType<T>;

const API_SHAPE =
  '{ url: string, domainKey?: string, fetch?: function, uploadStrategy?: { type: "two_phase" } | ' +
  '{ type: "direct", uploadUrl: string } } or { getClientSecret: function }';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates with the schema `pick` chooses from the value's shape (a string is the error message). Unlike
 * z.union, which reports "expected A or B" for the whole value, a bad nested key keeps its own path.
 */
function select<S extends Schema>(pick: (value: unknown) => S | string): Schema<z.output<S>> {
  return z.pipe(
    z.unknown(),
    z.transform((value: unknown, ctx) => {
      const chosen = pick(value);
      if (typeof chosen === 'string') {
        ctx.issues.push({ code: 'custom', message: chosen, input: value });
        return z.NEVER;
      }
      const result = chosen.safeParse(value);
      if (result.success) return result.data as z.output<S>;
      for (const issue of result.error.issues) ctx.issues.push({ ...issue, path: [...issue.path] } as never);
      return z.NEVER;
    }),
  );
}

// Host functions arrive as callable proxies from the bridge, so "is a function" is all that can be checked.
const fn = <F>(): Schema<F> => z.custom<F>((v) => typeof v === 'function', 'function');
const text = (check: (s: string) => boolean, expected: string) => z.string().check(z.refine(check, expected));
const flag = (value: boolean) => z._default(z.boolean(), value);
const list = <T>(element: Schema<T>) => z._default(z.array(element), () => []);
// Every key of a group is optional, so `{}` is a valid input that fills in all the nested defaults.
const group = <S extends z.core.$ZodLooseShape>(shape: S) => z.prefault(z.object(shape), {} as never);

const nonEmpty = text((s) => s.length > 0, 'a non-empty string');
// Unknown icon names render a fallback icon; only empty or absurd names are errors.
const icon = text((s) => s.length > 0 && s.length <= 100, 'an icon name');
const isHttpOrRelative = (s: string): boolean => {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(s);
  return s.length > 0 && (!scheme || /^https?$/i.test(scheme[1] ?? ''));
};
const url = text(isHttpOrRelative, 'an http(s) or relative URL');
const colour = z.pipe(
  text((s) => parseColor(s) !== null, 'a CSS colour (hex, rgb(), hsl() or a colour name)'),
  z.transform((s) => parseColor(s) as Rgba),
);
const fontFamily = z.pipe(
  text((s) => serializeFontFamilies(s) !== null, 'a comma-separated list of font family names'),
  z.transform((s) => serializeFontFamilies(s) as string),
);
const fontWeight = z.pipe(
  z.union([z.string(), z.number()]).check(
    z.refine((w) => normalizeFontWeight(w) !== null, 'a font weight such as 400, "bold" or "100 900"'),
  ),
  z.transform((w) => normalizeFontWeight(w) as string),
);

const customApi = z.object({
  url,
  domainKey: z.optional(z.string()),
  fetch: z.optional(fn<typeof fetch>()),
  uploadStrategy: z.optional(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('two_phase') }),
      z.object({ type: z.literal('direct'), uploadUrl: url }),
    ]),
  ),
});
const hostedApi = z.object({ getClientSecret: fn<HostedApiConfig['getClientSecret']>() });

/** `api`: a custom backend (has `url`) or a hosted workflow (has `getClientSecret`). */
export const apiSchema: Schema<ResolvedApi> = select<Schema<ResolvedApi>>((v) => {
  if (isRecord(v) && 'url' in v) return z.pipe(customApi, z.transform((api) => ({ type: 'custom' as const, ...api })));
  if (isRecord(v) && 'getClientSecret' in v) {
    return z.pipe(hostedApi, z.transform((api) => ({ type: 'hosted' as const, ...api })));
  }
  return API_SHAPE;
});

const fontSource = z.object({
  family: text(isFontFaceFamily, 'a font family name'),
  src: text(isFontUrl, 'an https or relative URL'),
  weight: z.optional(fontWeight),
  style: z.optional(z.enum(['normal', 'italic', 'oblique'])),
  display: z.optional(z.enum(['auto', 'block', 'swap', 'fallback', 'optional'])),
  unicodeRange: z.optional(text(isUnicodeRange, 'a unicode-range such as "U+0000-00FF, U+0131"')),
});

const colorScheme = z.enum(['light', 'dark']);
const themeObject = z.object(
  {
    colorScheme: z._default(colorScheme, 'light'),
    radius: z._default(z.enum(['pill', 'round', 'soft', 'sharp']), 'pill'),
    density: z._default(z.enum(['compact', 'normal', 'spacious']), 'normal'),
    typography: group({
      baseSize: z.optional(z.literal([14, 15, 16, 17, 18])),
      fontFamily: z.optional(fontFamily),
      fontFamilyMono: z.optional(fontFamily),
      fontSources: list(fontSource),
    }),
    color: group({
      grayscale: z.optional(
        z.object({
          hue: z.number().check(z.gte(0), z.lte(360)),
          tint: z.literal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
          shade: z._default(z.literal([-4, -3, -2, -1, 0, 1, 2, 3, 4]), 0),
        }),
      ),
      accent: z.optional(z.object({ primary: colour, level: z.literal([0, 1, 2, 3]) })),
      surface: z.optional(z.object({ background: colour, foreground: colour })),
    }),
  },
  '"light" | "dark" or a theme object',
);
const schemeOnly = z.pipe(colorScheme, z.transform((scheme) => themeObject.parse({ colorScheme: scheme })));
const theme = select((v) => (typeof v === 'string' ? schemeOnly : themeObject));

const content = z.discriminatedUnion('type', [
  z.object({ type: z.literal('input_text'), text: z.string() }),
  z.object({
    type: z.literal('input_tag'),
    text: z.string(),
    id: z.string(),
    group: z.optional(z.string()),
    data: z.optional(z.record(z.string(), z.unknown())),
    interactive: z.optional(z.boolean()),
  }),
]);
const contentList = z.array(content, 'a string or an array of message parts');
const prompt = z.object({
  label: z.string(),
  prompt: select((v) => (typeof v === 'string' ? z.string() : contentList)),
  icon: z.optional(icon),
});

const size = z.number().check(z.gte(1));
const threadId = z.string('string or null').check(z.refine((s) => s.length > 0, 'a thread id or null'));
const attachments = z.object({
  enabled: z.boolean(),
  maxSize: z._default(
    select((v) => (typeof v === 'number' ? size : z.record(z.string(), size, 'a number or a MIME type → bytes map'))),
    DEFAULT_MAX_ATTACHMENT_SIZE,
  ),
  maxCount: z._default(z.int().check(z.gte(1)), DEFAULT_MAX_ATTACHMENT_COUNT),
  accept: z.optional(z.record(z.string(), z.array(z.string()))),
});
const tool = z.object({
  id: z.string(),
  label: z.string(),
  icon,
  shortLabel: z.optional(z.string()),
  placeholderOverride: z.optional(z.string()),
  pinned: flag(false),
  persistent: flag(false),
});
const model = z.object({
  id: z.string(),
  label: z.string(),
  description: z.optional(z.string()),
  disabled: flag(false),
  default: flag(false),
});
const headerAction = z.object({ icon, onClick: fn<() => void>() });

/** Every option except `api` (validated on its own so that a bad `api` becomes `null`, not a default). */
export const optionsSchema = z.object({
  locale: z.optional(text((s) => /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(s), 'a locale such as "en" or "fr-FR"')),
  theme: z.prefault(theme, {}),
  // Absent: the frame uses its translated "Chat" (Strings.chat) for the iframe title and the panel name.
  frameTitle: z.optional(nonEmpty),
  // Unset (undefined) and null differ: null asks for a new thread; unset lets the floating widget reopen its last.
  initialThread: z.optional(z.nullable(threadId)),
  onClientTool: z.optional(fn<NonNullable<ChatKitOptions['onClientTool']>>()),
  header: group({
    enabled: flag(true),
    title: group({ enabled: flag(true), text: z.optional(z.string()) }),
    leftAction: z.optional(headerAction),
    rightAction: z.optional(headerAction),
  }),
  history: group({ enabled: flag(true), showDelete: flag(true), showRename: flag(true) }),
  startScreen: group({ greeting: z.optional(z.string()), prompts: list(prompt) }),
  threadItemActions: group({ feedback: flag(false), retry: flag(false) }),
  composer: group({
    placeholder: z.optional(z.string()),
    attachments: z.prefault(attachments, { enabled: false }),
    tools: list(tool),
    models: list(model),
    dictation: z.prefault(z.object({ enabled: z.boolean() }), { enabled: false }),
  }),
  disclaimer: z.optional(z.object({ text: z.string(), highContrast: flag(false) })),
  entities: group({
    onTagSearch: z.optional(fn<NonNullable<EntitiesOption['onTagSearch']>>()),
    showComposerMenu: flag(false),
    onClick: z.optional(fn<NonNullable<EntitiesOption['onClick']>>()),
    onRequestPreview: z.optional(fn<NonNullable<EntitiesOption['onRequestPreview']>>()),
  }),
  commands: z.prefault(
    z.object({
      enabled: z.boolean(),
      onSearch: z.optional(fn<NonNullable<CommandsOption['onSearch']>>()),
      onSelect: z.optional(fn<NonNullable<CommandsOption['onSelect']>>()),
    }),
    { enabled: false },
  ),
  widgets: group({ onAction: z.optional(fn<NonNullable<WidgetsOption['onAction']>>()) }),
  // Default on (ChatKit's is off): following the answer while the reader is at the bottom is what people expect.
  thread: group({ autoScroll: flag(false) }),
});
