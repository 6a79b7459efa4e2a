/** Public surface of the markdown module. */
export { loadMarkdown, Markdown, renderMarkdown, type DeeplinkHandler, type MarkdownProps, type RenderMarkdownOptions } from './markdown.tsx';
export { createIncrementalMarkdown, type IncrementalMarkdown } from './incremental.ts';
export { parseMarkdown, type MarkdownDoc } from './block-parser.ts';
export { createUrlPolicy, type SafeImage, type SafeLink, type UrlPolicy, type UrlPolicyOptions } from './url-policy.ts';
export { DEFAULT_MARKDOWN_STRINGS, type MarkdownStrings } from './strings.ts';
export type { MarkdownMarker } from './render.tsx';
export type { Align, Block, Inline, InlineSource, ListItem, TableRow } from './types.ts';
