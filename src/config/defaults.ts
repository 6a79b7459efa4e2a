/** Documented option defaults and the theme's size tables, in one place for the schema and the stylesheet. */

/** `composer.attachments.maxSize` default, in bytes (100 MiB). */
export const DEFAULT_MAX_ATTACHMENT_SIZE = 100 * 1024 * 1024;

/** `composer.attachments.maxCount` default. */
export const DEFAULT_MAX_ATTACHMENT_COUNT = 10;

/**
 * `--ck-radius` (panels, cards) and `--ck-radius-control` (buttons, inputs) per `theme.radius`.
 * The stylesheet's own defaults are the `pill` row, so `pill` emits nothing.
 */
export const RADIUS_VARS = {
  pill: ['24px', '999px'],
  round: ['16px', '12px'],
  soft: ['10px', '8px'],
  sharp: ['2px', '2px'],
} as const;

/** `--ck-space` (the density unit) per `theme.density`; the stylesheet's default is `normal`. */
export const SPACE_VARS = { compact: '3px', normal: '4px', spacious: '5px' } as const;

/**
 * Returns the size limit in bytes for a file of `mimeType`: an exact entry, then `type/*`, then the `"*"` or
 * `""` fallback entry, then the default.
 */
export function attachmentSizeLimit(maxSize: number | Record<string, number>, mimeType: string): number {
  if (typeof maxSize === 'number') return maxSize;
  const mime = mimeType.toLowerCase();
  const own = (key: string): number | undefined =>
    Object.prototype.hasOwnProperty.call(maxSize, key) ? maxSize[key] : undefined;
  return (
    own(mime) ?? own(`${mime.split('/')[0] ?? ''}/*`) ?? own('*') ?? own('') ?? DEFAULT_MAX_ATTACHMENT_SIZE
  );
}
