/**
 * Main-bundle helpers handed to the composer's lazily loaded modules through `composer.lib`. Those modules
 * must not import these themselves: a lazy chunk that imports a main-bundle module makes the bundler move that
 * module (and everything it imports — zod, the protocol schemas) out of the entry into separately compressed
 * shared chunks, which cost about 2 KB brotli on first open when measured. Passing them in costs nothing.
 */
import { attachmentSizeLimit } from '../config/defaults.ts';
import { formatBytes, formatPlural, formatString } from '../i18n/format.ts';
import { parseAttachment, parseTranscription } from '../protocol/parse.ts';
import { createUrlPolicy } from '../markdown/url-policy.ts';
import { fetchFor, resolveApiUrl } from './backend.ts';

/** The helpers. */
export const composerLib = { attachmentSizeLimit, formatBytes, formatPlural, formatString, parseAttachment, parseTranscription, fetchFor, resolveApiUrl, createUrlPolicy };

/** The type of {@link composerLib}. */
export type ComposerLib = typeof composerLib;
