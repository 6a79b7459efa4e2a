/**
 * The options after validation, with defaults filled in: plain data the frame and UI read.
 * `resolveOptions` produces it; the schema's output type is checked against it there.
 */
import type { Rgba } from './color.ts';
import type {
  ChatKitOptions,
  ColorScheme,
  CommandsOption,
  EntitiesOption,
  FileUploadStrategy,
  HostedApiConfig,
  UserMessageContent,
  WidgetsOption,
} from './types.ts';

/** `api` with its kind made explicit; `null` in ResolvedOptions when missing or invalid. */
export type ResolvedApi =
  | { type: 'custom'; url: string; domainKey?: string; fetch?: typeof fetch; uploadStrategy?: FileUploadStrategy }
  | ({ type: 'hosted' } & HostedApiConfig);

/** A validated web font source (`src` is an https or relative URL, as written). */
export type ResolvedFontSource = {
  family: string;
  src: string;
  weight?: string;
  style?: 'normal' | 'italic' | 'oblique';
  display?: 'auto' | 'block' | 'swap' | 'fallback' | 'optional';
  unicodeRange?: string;
};

/** The theme with defaults; colours are parsed, font families re-serialized. */
export type ResolvedTheme = {
  colorScheme: ColorScheme;
  radius: 'pill' | 'round' | 'soft' | 'sharp';
  density: 'compact' | 'normal' | 'spacious';
  typography: {
    baseSize?: 14 | 15 | 16 | 17 | 18;
    fontFamily?: string;
    fontFamilyMono?: string;
    fontSources: ResolvedFontSource[];
  };
  color: {
    grayscale?: { hue: number; tint: number; shade: number };
    accent?: { primary: Rgba; level: 0 | 1 | 2 | 3 };
    surface?: { background: Rgba; foreground: Rgba };
  };
};

/** A custom header button (icon names are not narrowed: unknown ones render a fallback). */
export type ResolvedHeaderAction = { icon: string; onClick: () => void };

/** A starter prompt. */
export type ResolvedPrompt = { label: string; prompt: string | UserMessageContent[]; icon?: string };

/** A composer tool with its flags defaulted. */
export type ResolvedTool = {
  id: string;
  label: string;
  icon: string;
  shortLabel?: string;
  placeholderOverride?: string;
  pinned: boolean;
  persistent: boolean;
};

/** A model picker entry with its flags defaulted. */
export type ResolvedModel = { id: string; label: string; description?: string; disabled: boolean; default: boolean };

/** Attachment settings; `maxSize` is bytes or a MIME-pattern → bytes map (see `attachmentSizeLimit`). */
export type ResolvedAttachments = {
  enabled: boolean;
  maxSize: number | Record<string, number>;
  maxCount: number;
  accept?: Record<string, string[]>;
};

/** Every option resolved. Greeting and placeholder stay undefined so the UI can use its localized defaults. */
export type ResolvedOptions = {
  api: ResolvedApi | null;
  /** Undefined means "use navigator.language" (resolved by i18n). */
  locale?: string;
  theme: ResolvedTheme;
  /** Undefined means the translated "Chat" of the UI language. */
  frameTitle?: string;
  /** A thread id; null for a new thread; undefined when unset (see the chat model's `restore`). */
  initialThread?: string | null;
  onClientTool?: ChatKitOptions['onClientTool'];
  header: {
    enabled: boolean;
    title: { enabled: boolean; text?: string };
    leftAction?: ResolvedHeaderAction;
    rightAction?: ResolvedHeaderAction;
  };
  history: { enabled: boolean; showDelete: boolean; showRename: boolean };
  startScreen: { greeting?: string; prompts: ResolvedPrompt[] };
  threadItemActions: { feedback: boolean; retry: boolean };
  composer: {
    placeholder?: string;
    attachments: ResolvedAttachments;
    tools: ResolvedTool[];
    models: ResolvedModel[];
    dictation: { enabled: boolean };
  };
  disclaimer?: { text: string; highContrast: boolean };
  entities: Omit<EntitiesOption, 'showComposerMenu'> & { showComposerMenu: boolean };
  commands: CommandsOption;
  widgets: WidgetsOption;
  thread: { autoScroll: boolean };
};
