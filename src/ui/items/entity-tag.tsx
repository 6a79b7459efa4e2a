/**
 * An interactive entity (a tag in a sent message, an entity source): a button that calls the host's
 * `entities.onClick`, and shows the host's `entities.onRequestPreview` widget on hover or focus. The preview
 * code is a lazy chunk, fetched the first time a preview is wanted.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Entity } from '../../config/types.ts';
import { useModels } from '../context.ts';
import { loadRichViews, useLazy } from './lazy-modules.ts';

/** Props of {@link EntityTag}. */
export interface EntityTagProps {
  entity: Entity;
  class: string;
  /** Accessible name, when the visible text is not enough (a citation number). */
  label?: string | undefined;
  children: ComponentChildren;
}

/** The entity button with its preview. */
export function EntityTag({ entity, class: className, label, children }: EntityTagProps) {
  const { app } = useModels();
  const { onClick, onRequestPreview } = app.options.value.entities;
  const [shown, setShown] = useState(false);
  const mod = useLazy(shown && onRequestPreview ? loadRichViews : null, app.reportError);
  const id = useId();
  const preview = shown && mod && onRequestPreview;
  return (
    <span class="ck-entity" onMouseEnter={() => setShown(true)} onMouseLeave={() => setShown(false)}>
      <button
        type="button"
        class={className}
        aria-label={label}
        aria-describedby={preview ? id : undefined}
        onClick={() => {
          // Host callbacks answer with a promise over the bridge; a failure is reported, never thrown here.
          if (onClick) Promise.resolve().then(() => onClick(entity)).catch((e: Error) => app.reportError(e));
        }}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
      >
        {children}
      </button>
      {preview && <mod.EntityPreview id={id} entity={entity} request={onRequestPreview} onDismiss={() => setShown(false)} />}
    </span>
  );
}
