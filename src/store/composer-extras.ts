/**
 * The composer's lazily loaded actions in one chunk: `composer.extras()` imports this module, and the composer's
 * lazily loaded view (src/ui/composer/features.tsx) imports it too. Nothing here is needed to type and send.
 */
export { toggleDictation } from './composer-dictation.ts';
export { createComposerSearch } from './composer-search.ts';
export { addTag, insertText, removeTag, selectModel, selectTool, setComposerValue } from './composer-value.ts';
export { acceptAttribute, addFiles, canAttach, removeAttachment, retryAttachment } from './uploads.ts';
