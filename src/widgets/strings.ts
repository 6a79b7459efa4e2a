/** UI strings of the widget renderer; the i18n layer passes translated ones (keys match `Strings` where shared). */
import type { MarkdownStrings } from '../markdown/strings.ts';

/** Every string the widget renderer shows or announces. */
export interface WidgetStrings {
  showMore: string;
  showLess: string;
  loading: string;
  selectOption: string;
  noResults: string;
  clear: string;
  searchOptions: string;
  /** Shown when a Textarea's value does not match its `pattern` (browsers validate `pattern` on inputs only). */
  patternMismatch: string;
  loadImage: (host: string) => string;
  /** The DatePicker's calendar popover: its name, its month buttons and its time field. */
  chooseDate: string;
  previousMonth: string;
  nextMonth: string;
  time: string;
  /** The language of these strings, for dates (month and weekday names, the first day of the week). */
  locale?: string | undefined;
  /** Strings of Markdown components; the markdown module's English defaults when absent. */
  markdown?: MarkdownStrings | undefined;
}

/** English defaults. */
export const DEFAULT_WIDGET_STRINGS: WidgetStrings = {
  showMore: 'Show more',
  showLess: 'Show less',
  loading: 'Loading…',
  selectOption: 'Select…',
  noResults: 'No results',
  clear: 'Clear',
  searchOptions: 'Search options',
  patternMismatch: 'Match the requested format.',
  loadImage: (host) => `Load image from ${host}`,
  chooseDate: 'Choose date',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  time: 'Time',
};
