/** UI strings of rendered markdown; the i18n layer passes translated ones. */
export interface MarkdownStrings {
  copyCode: string;
  copied: string;
  loadImage: (host: string) => string;
  /** Accessible name of a table's scrollable region. */
  table?: string;
  /** Accessible name of a code block's scrollable region. */
  code?: string;
}

/** English defaults. */
export const DEFAULT_MARKDOWN_STRINGS: MarkdownStrings = {
  copyCode: 'Copy code',
  copied: 'Copied',
  loadImage: (host) => `Load image from ${host}`,
  table: 'Table',
  code: 'Code',
};
