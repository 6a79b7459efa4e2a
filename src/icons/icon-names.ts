/**
 * The icon names of the ChatKit contract (CHATKIT.md §5), as typed const arrays with their union types.
 * test/unit/icons/icon-names-types.test.ts proves the unions equal those of `@openai/chatkit`.
 */
import { isLucideName } from './lucide-name.ts';

export { isLucideName };

/** The 62 names shared by ChatKitIcon, WidgetIcon and the Python SDK's IconName. */
export const BASE_ICON_NAMES = [
  'agent', 'analytics', 'atom', 'batch', 'bolt', 'book-open', 'book-closed', 'book-clock', 'bug', 'calendar',
  'chart', 'check', 'check-circle', 'check-circle-filled', 'chevron-left', 'chevron-right', 'circle-question',
  'compass', 'confetti', 'cube', 'desktop', 'document', 'dots-horizontal', 'dots-vertical', 'empty-circle',
  'external-link', 'globe', 'keys', 'lab', 'images', 'info', 'lifesaver', 'lightbulb', 'mail', 'map-pin', 'maps',
  'mobile', 'name', 'notebook', 'notebook-pencil', 'page-blank', 'phone', 'play', 'plus', 'profile', 'profile-card',
  'reload', 'star', 'star-filled', 'search', 'sparkle', 'sparkle-double', 'square-code', 'square-image',
  'square-text', 'suitcase', 'settings-slider', 'user', 'wreath', 'write', 'write-alt', 'write-alt2',
] as const;

/** Named icons for start-screen prompts, tools and commands (`ChatKitIcon` minus its `lucide:` half). */
export const CHATKIT_ICON_NAMES = [...BASE_ICON_NAMES, 'clock'] as const;

/** Icon names accepted by widgets (`WidgetIcon`). */
export const WIDGET_ICON_NAMES = [...BASE_ICON_NAMES, 'dot'] as const;

/** Icon names accepted by the header's left/right actions (`HeaderIcon`). */
export const HEADER_ICON_NAMES = [
  'sidebar-left', 'sidebar-right', 'sidebar-open-left', 'sidebar-open-right', 'sidebar-open-left-alt',
  'sidebar-open-right-alt', 'sidebar-floating-left', 'sidebar-floating-right', 'sidebar-floating-open-left',
  'sidebar-floating-open-right', 'sidebar-collapse-left', 'sidebar-collapse-right', 'collapse-left',
  'collapse-right', 'open-left', 'open-right', 'double-chevron-left', 'double-chevron-right', 'home', 'home-alt',
  'back-small', 'back-large', 'expand-large', 'collapse-large', 'expand-small', 'collapse-small', 'star',
  'star-filled', 'bug', 'chat-temporary', 'settings-cog', 'grid', 'dots-horizontal', 'dots-vertical',
  'dots-horizontal-circle', 'dots-vertical-circle', 'menu', 'menu-inverted', 'hamburger', 'history', 'book-open',
  'compose', 'share', 'light-mode', 'dark-mode', 'close',
] as const;

/** Any Lucide icon by its kebab-case name, e.g. `lucide:rocket`. */
export type LucideIcon = `lucide:${string}`;

/** Same as `@openai/chatkit`'s ChatKitIcon. */
export type ChatKitIcon = (typeof CHATKIT_ICON_NAMES)[number] | LucideIcon;

/** Same as `@openai/chatkit`'s Widgets.WidgetIcon. */
export type WidgetIcon = (typeof WIDGET_ICON_NAMES)[number];

/** Same as `@openai/chatkit`'s HeaderIcon. */
export type HeaderIcon = (typeof HEADER_ICON_NAMES)[number];

/** Every bare name with built-in artwork: the Python SDK's IconName (base + clock + dot) and all header names. */
export type NamedIconName = (typeof CHATKIT_ICON_NAMES)[number] | WidgetIcon | HeaderIcon;

// Sets are built once; `includes` on a readonly tuple would need a cast at every call anyway.
const chatKitNames: ReadonlySet<string> = new Set(CHATKIT_ICON_NAMES);
const widgetNames: ReadonlySet<string> = new Set(WIDGET_ICON_NAMES);
const headerNames: ReadonlySet<string> = new Set(HEADER_ICON_NAMES);

/** True for `lucide:<well-formed name>`. */
export function isLucideIcon(name: string): name is LucideIcon {
  return name.startsWith('lucide:') && isLucideName(name.slice(7));
}

/** True for a named ChatKitIcon or a well-formed `lucide:` name. */
export function isChatKitIcon(name: string): name is ChatKitIcon {
  return chatKitNames.has(name) || isLucideIcon(name);
}

/** True for a WidgetIcon. */
export function isWidgetIcon(name: string): name is WidgetIcon {
  return widgetNames.has(name);
}

/** True for a HeaderIcon. */
export function isHeaderIcon(name: string): name is HeaderIcon {
  return headerNames.has(name);
}

/** True for a name with built-in artwork in the lazily loaded named-icons chunk. */
export function isNamedIconName(name: string): name is NamedIconName {
  return chatKitNames.has(name) || widgetNames.has(name) || headerNames.has(name);
}

/**
 * True for any icon name of the ChatKit contract that renders real artwork: a named icon of any family or a
 * well-formed `lucide:` name. `vendor:*` and unknown names are false (they render the fallback).
 */
export function isKnownIconName(name: string): boolean {
  return isNamedIconName(name) || isLucideIcon(name);
}
