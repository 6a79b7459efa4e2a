/**
 * What every Markdown rendering in the frame shares: one URL policy (links resolve against the host page;
 * images only from the thread's `allowed_image_domains` load automatically), localized strings, and deep links
 * reported to the host as `chatkit.deeplink`. Stable objects, so memoized markdown blocks stay memoized.
 */
import { useMemo } from 'preact/hooks';
import { formatString } from '../i18n/format.ts';
import { createUrlPolicy, type UrlPolicy } from '../markdown/url-policy.ts';
import type { MarkdownStrings } from '../markdown/strings.ts';
import type { WidgetStrings } from '../widgets/strings.ts';
import { useModels } from './context.ts';

/** Markdown rendering settings for the current thread and locale. */
export interface MarkdownSetup {
  policy: UrlPolicy;
  strings: MarkdownStrings;
  onDeeplink: (name: string, data: Record<string, string>) => void;
}

/** The shared setup; recomputed only when the image allowlist or the strings change. */
export function useMarkdown(): MarkdownSetup {
  const { app, chat } = useModels();
  const domainsKey = chat.imageDomains.value;
  const s = app.strings.value;
  const policy = useMemo(
    () => createUrlPolicy({ baseUrl: app.baseUrl, allowedImageDomains: domainsKey === null ? null : domainsKey.split('\n') }),
    [domainsKey],
  );
  const strings = useMemo<MarkdownStrings>(
    () => ({ copyCode: s.copyCode, copied: s.copied, loadImage: (host) => formatString(s.loadImage, { host }), table: s.table, code: s.code }),
    [s],
  );
  return useMemo(() => ({ policy, strings, onDeeplink: (name, data) => app.emit('chatkit.deeplink', { name, data }) }), [policy, strings]);
}

/** The widget renderer's strings in the UI language, with `md`'s Markdown strings for Markdown inside widgets. */
export function useWidgetStrings(md: MarkdownSetup): Partial<WidgetStrings> {
  const { app } = useModels();
  const s = app.strings.value;
  const locale = app.locale.value.locale;
  return useMemo(
    () => ({ showMore: s.showMore, showLess: s.showLess, loading: s.loading, selectOption: s.selectOption, noResults: s.noResults, patternMismatch: s.patternMismatch, chooseDate: s.chooseDate, previousMonth: s.previousMonth, nextMonth: s.nextMonth, time: s.time, locale, loadImage: md.strings.loadImage, markdown: md.strings }),
    [s, locale, md.strings],
  );
}
