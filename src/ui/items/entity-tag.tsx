/**
 * An entity (a tag in a sent message, an entity source): a button that calls the host's `entities.onClick` (or
 * `onPress`), and on hover or focus a card with an optional header (an entity citation's icon, title and label)
 * and the host's `entities.onRequestPreview` widget. The card's code is a lazy chunk, fetched the first time one
 * is wanted.
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
  /** Shown at the top of the hover card (an entity citation's icon, title and label). */
  header?: ComponentChildren;
  /** What a press does instead of `entities.onClick` (a citation that is not interactive opens its source). */
  onPress?: (() => void) | undefined;
  /** Whether to ask the host for a preview (default true). */
  preview?: boolean;
  children: ComponentChildren;
}

/** The entity button with its preview. */
export function EntityTag({ entity, class: className, label, header, onPress, preview: wanted = true, children }: EntityTagProps) {
  const { app } = useModels();
  const { onClick } = app.options.value.entities;
  const request = wanted ? app.options.value.entities.onRequestPreview : undefined;
  const [shown, setShown] = useState(false);
  const mod = useLazy(shown && (request || header) ? loadRichViews : null, app.reportError);
  const id = useId();
  const card = shown && mod;
  return (
    <span class="ck-entity" onMouseEnter={() => setShown(true)} onMouseLeave={() => setShown(false)}>
      <button
        type="button"
        class={className}
        aria-label={label}
        aria-describedby={card ? id : undefined}
        onClick={() => {
          if (onPress) return onPress();
          // Host callbacks answer with a promise over the bridge; a failure is reported, never thrown here.
          if (onClick) Promise.resolve().then(() => onClick(entity)).catch((e: Error) => app.reportError(e));
        }}
        onFocus={() => setShown(true)}
        onBlur={() => setShown(false)}
      >
        {children}
      </button>
      {card && <mod.EntityPreview id={id} entity={entity} request={request} header={header} onDismiss={() => setShown(false)} />}
    </span>
  );
}
