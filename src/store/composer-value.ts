/**
 * Draft edits beyond typing, loaded with the composer's extras: inserting text at the caret, tags, validated
 * tool and model selection, and `setComposerValue` (CHATKIT.md §2.2), which fills the draft without sending.
 */
import type { Entity, SetComposerValueParams } from '../config/types.ts';
import type { Attachment } from '../protocol/attachments.ts';
import { batch } from '@preact/signals';
import type { ComposerModel } from './composer-model.ts';
import type { DraftTag } from './composer-tags.ts';
import { addFiles, replaceAttachments } from './uploads.ts';

/** What `setComposerValue` passes (already checked by method-params.ts): ChatKit's parameters, with attachments in
 * the wire shape method-params.ts validated them against. Tags may omit `data` and `interactive`, as in ChatKit. */
export type ComposerValue = Omit<SetComposerValueParams, 'attachments'> & { attachments?: Attachment[] };

/** An error a host method rejects with: the caller passed something that cannot be applied. */
export function invalidValue(message: string): Error {
  return Object.assign(new Error(message), { code: 'INVALID' });
}

/** Throws INVALID unless `id` is one of the configured tools. */
function checkTool(composer: ComposerModel, id: string): void {
  if (!composer.app.options.peek().composer.tools.some((t) => t.id === id)) {
    throw invalidValue(`Unknown tool id ${JSON.stringify(id)}: it is not in composer.tools`);
  }
}

/** Throws INVALID unless `id` is one of the configured models and not disabled. */
function checkModel(composer: ComposerModel, id: string): void {
  const entry = composer.app.options.peek().composer.models.find((m) => m.id === id);
  if (!entry) throw invalidValue(`Unknown model id ${JSON.stringify(id)}: it is not in composer.models`);
  if (entry.disabled) throw invalidValue(`Model ${JSON.stringify(id)} is disabled`);
}

/** Selects a tool (null clears); tells the host on every change. Throws INVALID for an unknown id. */
export function selectTool(composer: ComposerModel, id: string | null): void {
  if (id !== null) checkTool(composer, id);
  composer.setTool(id);
}

/** Selects a model. Throws INVALID for an unknown or disabled id. */
export function selectModel(composer: ComposerModel, id: string): void {
  checkModel(composer, id);
  composer.modelId.value = id;
}

/** Inserts `value` at the caret (or the end), separated by a space from a preceding word. */
export function insertText(composer: ComposerModel, value: string): void {
  const current = composer.text.peek();
  const input = composer.input();
  const start = input ? input.selectionStart : current.length;
  const end = input ? input.selectionEnd : current.length;
  const gap = start > 0 && !/\s/.test(current[start - 1] ?? '') && !/^\s/.test(value) ? ' ' : '';
  composer.text.value = current.slice(0, start) + gap + value + current.slice(end);
  const caret = start + gap.length + value.length;
  if (input) {
    input.value = composer.text.peek();
    input.setSelectionRange(caret, caret);
  }
}

/** Adds a tag (once per id) at text offset `at` (default: the end of the text). */
export function addTag(composer: ComposerModel, entity: Entity, at = composer.text.peek().length): void {
  const tags = composer.tags.peek();
  if (!tags.some((t) => t.id === entity.id)) composer.tags.value = [...tags, { ...entity, at }];
}

/** Removes the tag with this id. */
export function removeTag(composer: ComposerModel, id: string): void {
  composer.tags.value = composer.tags.peek().filter((t) => t.id !== id);
}

/**
 * `setComposerValue`: `content` (text and tags) wins over `text`; `attachments` replace the chips; `files` are
 * checked and uploaded (refusals are shown and reject the call). Unknown tool or model ids reject before
 * anything changes.
 */
export function setComposerValue(composer: ComposerModel, v: ComposerValue): void {
  if (v.selectedToolId != null) checkTool(composer, v.selectedToolId);
  if (v.selectedModelId !== undefined) selectModel(composer, v.selectedModelId);
  if (v.selectedToolId !== undefined) composer.setTool(v.selectedToolId);
  if (v.content) {
    // Text and tags in their order: each tag sits where it came in the content.
    let text = '';
    const tags: DraftTag[] = [];
    for (const p of v.content) {
      if (p.type === 'input_text') text += p.text;
      else {
        // The textarea shows no tag, so text on either side of one is kept apart by a space.
        if (text && !/\s$/.test(text)) text += ' ';
        tags.push({ id: p.id, title: p.text, at: text.length, interactive: p.interactive ?? false, ...(p.data ? { data: p.data as Record<string, string> } : {}), ...(p.group !== undefined ? { group: p.group } : {}) });
      }
    }
    batch(() => {
      composer.text.value = text;
      composer.tags.value = tags;
    });
  } else if (v.text !== undefined) composer.text.value = v.text;
  if (v.reply !== undefined) composer.quote.value = v.reply || null;
  if (v.attachments) replaceAttachments(composer, v.attachments);
  const refused = v.files?.length ? addFiles(composer, v.files) : [];
  if (refused.length) throw invalidValue(`setComposerValue: ${refused.join(' ')}`);
}
