/** UI strings of rendered markdown; the i18n layer passes translated ones. */
export interface MarkdownStrings {
  copyCode: string;
  copied: string;
  loadImage: (host: string) => string;
  /** Accessible name of a table's scrollable region. */
  table?: string;
}

/** English defaults. */
export const DEFAULT_MARKDOWN_STRINGS: MarkdownStrings = {
  copyCode: 'Copy code',
  copied: 'Copied',
  loadImage: (host) => `Load image from ${host}`,
  table: 'Table',
};
