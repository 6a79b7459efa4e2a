/**
 * Public option, method and event types, mirroring `@openai/chatkit` 1.9.0 key for key, so that any object
 * typed with the official `ChatKitOptions` is assignable to ours (checked by test/types/options-compat.ts).
 * Written out here because @openai/chatkit is a types-only dev dependency. Slightly over 250 lines because the
 * whole public surface is kept in one file, as in the official package, so the two can be diffed side by side.
 */
import type { ChatKitIcon, HeaderIcon, SupportedLocale } from './names.ts';

export type { ChatKitIcon, HeaderIcon, LucideIcon, SupportedLocale, TranslatedLocale } from './names.ts';

/** The options accepted by `setOptions` (which replaces, never merges). */
export type ChatKitOptions = {
  api: CustomApiConfig | HostedApiConfig;
  locale?: SupportedLocale;
  theme?: ColorScheme | ThemeOption;
  frameTitle?: string;
  initialThread?: null | string;
  onClientTool?: (toolCall: {
    name: string;
    params: Record<string, unknown>;
  }) => Promise<Record<string, unknown>> | Record<string, unknown>;
  header?: HeaderOption;
  history?: HistoryOption;
  startScreen?: StartScreenOption;
  threadItemActions?: ThreadItemActionsOption;
  composer?: ComposerOption;
  disclaimer?: DisclaimerOption;
  entities?: EntitiesOption;
  commands?: CommandsOption;
  widgets?: WidgetsOption;
  thread?: ThreadOption;
};

/** A self-hosted backend (e.g. the ChatKit Python SDK) reached with POSTs to `url`. */
export type CustomApiConfig = {
  url: string;
  fetch?: typeof fetch;
  /** Required by the official client (domain allowlist); optional here because nothing verifies it. */
  domainKey?: string;
  uploadStrategy?: FileUploadStrategy;
};

/** An OpenAI-hosted workflow, authenticated by a short-lived client secret. */
export type HostedApiConfig = {
  getClientSecret: (currentClientSecret: string | null) => Promise<string>;
};

/** How composer attachments are uploaded. */
export type FileUploadStrategy = { type: 'two_phase' } | { type: 'direct'; uploadUrl: string };

/** The colour scheme of the UI. */
export type ColorScheme = 'light' | 'dark';

/** Visual appearance options. */
export type ThemeOption = {
  colorScheme?: ColorScheme;
  typography?: TypographyOption;
  radius?: 'pill' | 'round' | 'soft' | 'sharp';
  density?: 'compact' | 'normal' | 'spacious';
  color?: ColorOption;
};

/** Font size and families; `fontSources` are loaded as web fonts. */
export type TypographyOption = {
  baseSize?: 14 | 15 | 16 | 17 | 18;
  fontSources?: FontObject[];
  fontFamily?: string;
  fontFamilyMono?: string;
};

/** One web font file. */
export type FontObject = {
  family: string;
  src: string;
  weight?: string | number;
  style?: 'normal' | 'italic' | 'oblique';
  display?: 'auto' | 'block' | 'swap' | 'fallback' | 'optional';
  unicodeRange?: string;
};

/** Palette inputs. */
export type ColorOption = { grayscale?: GrayscaleOptions; accent?: AccentColor; surface?: SurfaceColors };

/** Container background and text colour (any CSS colour). */
export type SurfaceColors = { background: string; foreground: string };

/** The accent colour and how strongly it tints soft surfaces. */
export type AccentColor = { primary: string; level: 0 | 1 | 2 | 3 };

/** A gray ramp tinted by `hue`. */
export type GrayscaleOptions = {
  hue: number;
  tint: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  shade?: -4 | -3 | -2 | -1 | 0 | 1 | 2 | 3 | 4;
};

/** A custom header button. */
export type HeaderAction = { icon: HeaderIcon; onClick: () => void };

/** Header options. */
export type HeaderOption = {
  enabled?: boolean;
  title?: { enabled?: boolean; text?: string };
  leftAction?: HeaderAction;
  rightAction?: HeaderAction;
};

/** History panel options. */
export type HistoryOption = { enabled?: boolean; showDelete?: boolean; showRename?: boolean };

/** New-thread view options. */
export type StartScreenOption = { greeting?: string; prompts?: StartScreenPrompt[] };

/** A starter prompt; selecting it sends `prompt` as a user message. */
export type StartScreenPrompt = { label: string; prompt: string | UserMessageContent[]; icon?: ChatKitIcon };

/** A widget tree as the official types describe it; only the root's `type` matters here. */
export type WidgetRoot = { type: 'Card' | 'ListView' | 'Basic'; [key: string]: unknown };

/** A preview widget (`Basic` root). */
export type BasicRoot = { type: 'Basic'; [key: string]: unknown };

/** Widget options. */
export type WidgetsOption = {
  // Method syntax on purpose: its parameters are checked bivariantly, so handlers typed against the official,
  // more detailed widget types are accepted.
  onAction?(action: CustomAction, widgetItem: { id: string; widget: WidgetRoot }): Promise<void>;
};

/** Entity tag options (@-mentions, clicks, previews). */
export type EntitiesOption = {
  onTagSearch?: (query: string) => Promise<Entity[]>;
  showComposerMenu?: boolean;
  onClick?: (entity: Entity) => void;
  onRequestPreview?: (entity: Entity) => Promise<{ preview: BasicRoot | null }>;
};

/** The "/" command menu. */
export type CommandsOption = {
  enabled: boolean;
  onSearch?: (query: string) => Promise<Command[]>;
  onSelect?: (command: Command) => Promise<void | CommandSelection>;
};

/** Markdown text under the composer. */
export type DisclaimerOption = { text: string; highContrast?: boolean };

/** Per-response buttons. */
export type ThreadItemActionsOption = { feedback?: boolean; retry?: boolean };

/** Thread view options. */
export type ThreadOption = { autoScroll?: boolean };

/** Composer options. */
export type ComposerOption = {
  placeholder?: string;
  attachments?: {
    enabled: boolean;
    maxSize?: number | Record<string, number>;
    maxCount?: number;
    accept?: Record<string, string[]>;
  };
  tools?: ToolOption[];
  models?: ModelOption[];
  dictation?: { enabled: boolean };
};

/** A selectable tool in the composer's tool menu. */
export type ToolOption = {
  id: string;
  label: string;
  icon: ChatKitIcon;
  shortLabel?: string;
  placeholderOverride?: string;
  pinned?: boolean;
  persistent?: boolean;
};

/** A model in the composer's model picker. */
export type ModelOption = { id: string; label: string; description?: string; disabled?: boolean; default?: boolean };

/** A referenceable thing (person, document…) shown as a tag. */
export type Entity = {
  title: string;
  id: string;
  icon?: string;
  interactive?: boolean;
  group?: string;
  data?: Record<string, string>;
};

/** An entry of the command menu. */
export type Command = { id: string; label: string; description?: string; icon?: ChatKitIcon; group?: string };

/** What a selected command does next: insert an entity tag or open another menu. */
export type CommandSelection = { type: 'entity'; entity: Entity } | { type: 'menu'; commands: Command[] };

/** The tool to run for one message. */
export type ToolChoice = { id: string };

/** Structured user input: text or an entity tag. */
export type UserMessageContent =
  | { type: 'input_text'; text: string }
  | {
      type: 'input_tag';
      text: string;
      id: string;
      group?: string;
      data?: Record<string, unknown>;
      interactive?: boolean;
    };

/** An already-uploaded attachment passed to `sendUserMessage` / `setComposerValue`. */
export type Attachment =
  | { type: 'file'; id: string; name: string; mime_type: string }
  | { type: 'image'; id: string; preview_url: string; name: string; mime_type: string };

/** Parameters of `sendUserMessage`. */
export type SendUserMessageParams = {
  text?: string;
  content?: UserMessageContent[];
  reply?: string;
  attachments?: Attachment[];
  newThread?: boolean;
  toolChoice?: ToolChoice;
  model?: string;
};

/** Parameters of `setComposerValue`. */
export type SetComposerValueParams = {
  text?: string;
  content?: UserMessageContent[];
  reply?: string;
  attachments?: Attachment[];
  files?: File[];
  selectedToolId?: string | null;
  selectedModelId?: string;
};

/** A custom action sent with `sendCustomAction`. */
export type CustomAction = { type: string; payload?: Record<string, unknown> };

/** The `detail` of each `chatkit.*` DOM event. */
export type ChatKitEventDetails = {
  'chatkit.ready': void;
  'chatkit.error': { error: Error };
  'chatkit.effect': { name: string; data?: Record<string, unknown> };
  'chatkit.deeplink': { name: string; data?: Record<string, unknown> };
  'chatkit.response.start': void;
  'chatkit.response.end': void;
  'chatkit.history.open': void;
  'chatkit.history.close': void;
  'chatkit.thread.change': { threadId: string | null };
  'chatkit.thread.load.start': { threadId: string };
  'chatkit.thread.load.end': { threadId: string };
  'chatkit.tool.change': { toolId: string | null };
  'chatkit.log': { name: string; data?: Record<string, unknown> };
};

/** The `chatkit.*` DOM events, as `CustomEvent`s (same shape as the official `ChatKitEvents`). */
export type ChatKitEvents = { [K in keyof ChatKitEventDetails]: CustomEvent<ChatKitEventDetails[K]> };
