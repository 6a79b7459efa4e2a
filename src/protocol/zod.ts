/**
 * The one zod entry point. `zod/mini` is tree-shakable (the classic build costs ~76 KB brotli in the frame),
 * and `jitless` stops zod probing `new Function`, which a strict CSP reports as a violation.
 * Every schema in the project imports `z` from here, never from 'zod' directly.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });

export { z };
