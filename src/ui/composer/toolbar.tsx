/**
 * The composer's buttons: the tool menu ("+") and pinned tool toggles, the "@" mention button, the file picker,
 * then, at the end, the model picker and the dictation button. Each appears only when its option is set.
 */
import { useRef } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { acceptAttribute, addFiles, canAttach, insertText, selectModel, selectTool, toggleDictation } from '../../store/composer-extras.ts';
import type { ComposerSearch } from '../../store/composer-search.ts';
import { useModels } from '../context.ts';
import { MenuButton } from './menu.tsx';

export { canAttach };

function ToolButtons() {
  const { app, composer } = useModels();
  const s = app.strings.value;
  const tools = app.options.value.composer.tools;
  const selected = composer.tool.value?.id ?? null;
  const listed = tools.filter((t) => !t.pinned);
  const toggle = (id: string): void => selectTool(composer, selected === id ? null : id);
  return (
    <>
      {listed.length > 0 && (
        <MenuButton
          label={s.tools}
          class="ck-icon-button"
          items={listed.map((t) => ({ id: t.id, label: t.label, icon: t.icon, checked: t.id === selected }))}
          onSelect={toggle}
        >
          <Icon name="plus" />
        </MenuButton>
      )}
      {tools
        .filter((t) => t.pinned)
        .map((t) => (
          <button key={t.id} type="button" class="ck-pill" aria-pressed={t.id === selected} onClick={() => toggle(t.id)}>
            <Icon name={t.icon} size={18} />
            <span dir="auto">{t.shortLabel ?? t.label}</span>
          </button>
        ))}
    </>
  );
}

function AttachButton() {
  const { app, composer } = useModels();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="ck-icon-button" aria-label={app.strings.value.attachFile} onClick={() => picker.current?.click()}>
        <Icon name="paperclip" />
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        accept={acceptAttribute(app.options.value.composer.attachments.accept)}
        onChange={(e) => {
          const input = e.currentTarget;
          const files = [...(input.files ?? [])];
          input.value = '';
          if (files.length) addFiles(composer, files);
        }}
      />
    </>
  );
}

function ModelPicker() {
  const { app, composer } = useModels();
  const current = composer.model.value;
  return (
    <MenuButton
      label={composer.lib.formatString(app.strings.value.modelPicker, { name: current?.label ?? '' })}
      class="ck-pill ck-quiet"
      items={app.options.value.composer.models.map((m) => ({ id: m.id, label: m.label, description: m.description, checked: m.id === current?.id, disabled: m.disabled }))}
      onSelect={(id) => selectModel(composer, id)}
    >
      <span dir="auto">{current?.label}</span>
      <Icon name="chevron-down" size={16} />
    </MenuButton>
  );
}

function DictationButton() {
  const { app, composer } = useModels();
  const s = app.strings.value;
  const state = composer.dictation.value;
  const label = state === 'recording' ? s.stopDictation : state === 'transcribing' ? s.transcribing : s.dictate;
  return (
    <>
    <button
      type="button"
      class="ck-icon-button"
      data-state={state}
      aria-label={label}
      aria-pressed={state === 'recording'}
      aria-busy={state === 'starting' || state === 'transcribing'}
      disabled={state === 'starting' || state === 'transcribing'}
      onClick={() => void toggleDictation(composer)}
    >
      <Icon name={state === 'recording' ? 'square' : state === 'idle' ? 'mic' : 'loader'} size={state === 'recording' ? 16 : 20} class={state === 'transcribing' || state === 'starting' ? 'ck-spin' : undefined} />
    </button>
    <span class="ck-sr-only" role="status">
      {state === 'recording' ? s.recording : state === 'transcribing' ? s.transcribing : ''}
    </span>
    </>
  );
}

/** The composer's toolbar. */
export function Toolbar({ search }: { search: ComposerSearch }) {
  const { app, composer } = useModels();
  const options = app.options.value;
  const mention = options.entities.showComposerMenu && !!options.entities.onTagSearch;
  return (
    <div class="ck-toolbar">
      <ToolButtons />
      {mention && (
        <button
          type="button"
          class="ck-icon-button"
          aria-label={app.strings.value.mention}
          onClick={() => {
            composer.focus();
            insertText(composer, '@');
            const input = composer.input();
            search.update(composer.text.peek(), input?.selectionStart ?? composer.text.peek().length);
          }}
        >
          <Icon name="at-sign" />
        </button>
      )}
      {canAttach(options) && <AttachButton />}
      <span class="ck-toolbar-end">
        {options.composer.models.length > 0 && <ModelPicker />}
        {options.composer.dictation.enabled && <DictationButton />}
      </span>
    </div>
  );
}
