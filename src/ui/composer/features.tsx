/**
 * The composer's optional parts, one lazily imported chunk: toolbar, chips, the suggestion list, and the input
 * behaviour they need (trigger detection, list keys, pasting and dropping files). `composer.tsx` renders these
 * once the options ask for any of them.
 */
import { useEffect, useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { addFiles, createComposerSearch } from '../../store/composer-extras.ts';
import type { Models } from '../context.ts';
import { useModels } from '../context.ts';
import { Chips } from './chips.tsx';
import { optionId, Suggestions } from './suggestions.tsx';
import { canAttach, Toolbar } from './toolbar.tsx';

let lists = 0;
/** Options already warned about (once per setOptions, not once per render). */
const warned = new WeakSet<object>();

/** Files a drag or clipboard carries. */
const filesOf = (data: DataTransfer | null): File[] => [...(data?.files ?? [])];
const carriesFiles = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');

/** Accepts files dropped anywhere on the panel, with an overlay while they are dragged over it. */
function DropZone() {
  const { app, composer } = useModels();
  const [over, setOver] = useState(false);
  const options = app.options.value;
  const enabled = canAttach(options);
  useEffect(() => {
    if (!options.composer.attachments.enabled || enabled || warned.has(options)) return;
    warned.add(options);
    app.reportError('composer.attachments is enabled, but uploads need a custom api with api.uploadStrategy: the attach button is hidden');
  }, [options]);
  useEffect(() => {
    const zone = composer.input()?.closest('.ck-panel') ?? composer.input()?.form;
    if (!enabled || !zone) return undefined;
    let depth = 0;
    const onEnter = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent): void => {
      if (carriesFiles(e) && --depth <= 0) setOver(false);
    };
    const onDrop = (e: DragEvent): void => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = filesOf(e.dataTransfer);
      if (files.length) addFiles(composer, files);
    };
    const pairs = [['dragenter', onEnter], ['dragover', onOver], ['dragleave', onLeave], ['drop', onDrop]] as const;
    for (const [name, fn] of pairs) zone.addEventListener(name, fn as EventListener);
    return () => {
      for (const [name, fn] of pairs) zone.removeEventListener(name, fn as EventListener);
    };
  }, [enabled]);
  return over ? (
    <div class="ck-drop" aria-hidden="true">
      {app.strings.value.dropFilesHere}
    </div>
  ) : null;
}

/** Problems to show under the input (refused files, microphone denied…), dismissible. */
function Notices() {
  const { app, composer } = useModels();
  const notices = composer.notices.value;
  if (!notices.length) return null;
  return (
    <div class="ck-composer-notices" role="alert">
      <div>
        {notices.map((n, i) => (
          <p key={i}>{n}</p>
        ))}
      </div>
      <button
        type="button"
        class="ck-icon-button ck-small"
        aria-label={app.strings.value.dismiss}
        onClick={() => {
          composer.focus(); // the button goes away with the notices
          composer.notices.value = [];
        }}
      >
        <Icon name="x" size={16} />
      </button>
    </div>
  );
}

/** Builds the optional parts for one mounted composer; `dispose` stops its pending search. */
export function createComposerFeatures(models: Models) {
  const { app, composer } = models;
  const search = createComposerSearch(composer);
  const id = `ck-suggest-${++lists}`;
  const sync = (el: HTMLTextAreaElement): void => search.update(el.value, el.selectionStart);
  return {
    Chips: () => (
      <>
        <Chips />
        <DropZone />
      </>
    ),
    Notices,
    Suggestions: () => <Suggestions search={search} id={id} />,
    Toolbar: () => <Toolbar search={search} />,
    /** ARIA wiring to the open list, and the caret and paste handlers. */
    inputProps() {
      const state = search.state.value;
      const active = state?.status === 'ready' && state.items.length > 0 ? optionId(id, state.active) : undefined;
      return {
        'aria-controls': state ? id : undefined,
        'aria-activedescendant': active,
        'aria-autocomplete': app.options.value.entities.onTagSearch || app.options.value.commands.enabled ? ('list' as const) : undefined,
        onClick: (e: MouseEvent) => sync(e.currentTarget as HTMLTextAreaElement),
        onKeyUp: (e: KeyboardEvent) => {
          if (/^(Arrow(Left|Right)|Home|End)$/.test(e.key)) sync(e.currentTarget as HTMLTextAreaElement);
        },
        onPaste: (e: ClipboardEvent) => {
          const files = filesOf(e.clipboardData);
          if (!files.length || !canAttach(app.options.peek())) return;
          e.preventDefault();
          addFiles(composer, files);
        },
      };
    },
    onInput: sync,
    onKeyDown: (e: KeyboardEvent): boolean => search.onKeyDown(e),
    dispose: search.dispose,
  };
}

/** The optional parts of one composer. */
export type ComposerFeatures = ReturnType<typeof createComposerFeatures>;
