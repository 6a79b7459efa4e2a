/**
 * The one lazy chunk of the thread (see lazy-modules.ts): every item view other than messages, citations with
 * the Sources list, entity previews, and the widget renderer. One chunk rather than one per feature: each extra
 * lazy entry splits the shared first-open code into more, separately compressed files, which costs more bytes
 * on first open than loading the features apart would save later.
 */
export { CitedParts } from './citations.tsx';
export { EntityPreview } from './entity-preview.tsx';
export { RichItem } from './rich-item.tsx';
export { StructuredInputPrompt } from './structured-input.tsx';
export * as widgets from '../../widgets/index.ts';
