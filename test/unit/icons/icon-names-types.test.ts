import type {
  ChatKitIcon as UpstreamChatKitIcon,
  HeaderIcon as UpstreamHeaderIcon,
  Widgets,
} from '@openai/chatkit';
import { describe, expect, it } from 'vitest';
import {
  BASE_ICON_NAMES,
  CHATKIT_ICON_NAMES,
  HEADER_ICON_NAMES,
  WIDGET_ICON_NAMES,
  isChatKitIcon,
  isHeaderIcon,
  isKnownIconName,
  isLucideIcon,
  isWidgetIcon,
  type ChatKitIcon,
  type HeaderIcon,
  type WidgetIcon,
} from '../../../src/icons/icon-names.ts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// `tsc` rejects this file if any of our unions drifts from @openai/chatkit's.
const sameChatKitIcon: Equal<ChatKitIcon, UpstreamChatKitIcon> = true;
const sameWidgetIcon: Equal<WidgetIcon, Widgets.WidgetIcon> = true;
const sameHeaderIcon: Equal<HeaderIcon, UpstreamHeaderIcon> = true;

const duplicates = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);

describe('icon name lists', () => {
  it('match @openai/chatkit (checked by tsc) with the sizes CHATKIT.md §5 gives', () => {
    expect([sameChatKitIcon, sameWidgetIcon, sameHeaderIcon]).toEqual([true, true, true]);
    expect([BASE_ICON_NAMES.length, CHATKIT_ICON_NAMES.length, WIDGET_ICON_NAMES.length, HEADER_ICON_NAMES.length]).toEqual([
      62, 63, 63, 46,
    ]);
  });

  it('list every name once', () => {
    expect(duplicates(CHATKIT_ICON_NAMES)).toEqual([]);
    expect(duplicates(WIDGET_ICON_NAMES)).toEqual([]);
    expect(duplicates(HEADER_ICON_NAMES)).toEqual([]);
  });

  it('tell the families apart: clock is ChatKit-only, dot is widget-only, close is header-only', () => {
    expect([isChatKitIcon('clock'), isWidgetIcon('clock'), isHeaderIcon('clock')]).toEqual([true, false, false]);
    expect([isChatKitIcon('dot'), isWidgetIcon('dot'), isHeaderIcon('dot')]).toEqual([false, true, false]);
    expect([isChatKitIcon('close'), isWidgetIcon('close'), isHeaderIcon('close')]).toEqual([false, false, true]);
  });

  it('accept well-formed lucide: names only', () => {
    expect(['lucide:rocket', 'lucide:arrow-down-0-1'].map(isLucideIcon)).toEqual([true, true]);
    const bad = ['lucide:', 'lucide:Rocket', 'lucide:../x', 'lucide:a--b', 'lucide:-a', 'lucide:a b', `lucide:${'a'.repeat(65)}`];
    expect(bad.map(isLucideIcon)).toEqual(bad.map(() => false));
    expect(isChatKitIcon('lucide:rocket')).toBe(true);
    expect(isWidgetIcon('lucide:rocket')).toBe(false);
  });

  it('know named and lucide: names but not vendor:, unknown or prototype names', () => {
    expect(['agent', 'sidebar-left', 'dot', 'lucide:rocket'].map(isKnownIconName)).toEqual([true, true, true, true]);
    expect(['vendor:acme', 'upload', '', '__proto__', 'constructor'].map(isKnownIconName)).toEqual([
      false, false, false, false, false,
    ]);
  });
});
