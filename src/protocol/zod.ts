/**
 * The one zod entry point: `import * as z from '…/protocol/zod.ts'`. It re-exports `zod/mini` (tree-shakable;
 * the classic build costs ~76 KB brotli in the frame) after setting `jitless`, which stops zod probing
 * `new Function` — a strict CSP reports that as a violation. Re-exporting the namespace as one object
 * (`export { z }`) would defeat tree-shaking, hence `export *`. Never import 'zod' directly.
 */
import { config } from 'zod/mini';

config({ jitless: true });

export * from 'zod/mini';
