/**
 * The preview popover of an entity (lazy chunk): the widget the host returns from `entities.onRequestPreview`,
 * rendered with the widget renderer. Previews are cached per entity id for as long as the host function is the
 * same (new options bring a new function, hence fresh previews); a failed request shows nothing and is retried
 * on the next hover. Escape dismisses it and is consumed, so the panel itself stays open.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Entity, EntitiesOption } from '../../config/types.ts';
import type { WidgetRoot } from '../../protocol/widgets.ts';
import { useModels } from '../context.ts';
import { useMarkdown, useWidgetStrings } from '../use-markdown.ts';
import { loadWidgets, useLazy } from './lazy-modules.ts';

type RequestPreview = NonNullable<EntitiesOption['onRequestPreview']>;

const caches = new WeakMap<RequestPreview, Map<string, Promise<WidgetRoot | null>>>();

/** The preview widget of `entity`, asked of the host once per entity id; null when there is none or it failed. */
export function requestPreview(request: RequestPreview, entity: Entity): Promise<WidgetRoot | null> {
  let cache = caches.get(request);
  if (!cache) caches.set(request, (cache = new Map()));
  const known = cache.get(entity.id);
  if (known) return known;
  const pending = Promise.resolve()
    .then(() => request(entity))
    .then(
      (answer: unknown) => {
        const preview = (answer as { preview?: unknown } | null | undefined)?.preview;
        return preview && typeof preview === 'object' && typeof (preview as { type?: unknown }).type === 'string' ? (preview as WidgetRoot) : null;
      },
      () => {
        cache.delete(entity.id);
        return null;
      },
    );
  cache.set(entity.id, pending);
  return pending;
}

/** Props of {@link EntityPreview}. */
export interface EntityPreviewProps {
  /** The popover's id (the button's `aria-describedby`). */
  id: string;
  entity: Entity;
  request: RequestPreview;
  onDismiss: () => void;
}

/** The popover; renders nothing until (and unless) there is a preview to show. */
export function EntityPreview({ id, entity, request, onDismiss }: EntityPreviewProps) {
  const { app } = useModels();
  const md = useMarkdown();
  const strings = useWidgetStrings(md);
  const [root, setRoot] = useState<WidgetRoot | null>(null);
  useEffect(() => {
    let live = true;
    void requestPreview(request, entity).then((r) => live && setRoot(r));
    return () => void (live = false);
  }, [request, entity.id]);
  const widgets = useLazy(root ? loadWidgets : null, app.reportError);
  const visible = !!(root && widgets);
  useEffect(() => {
    if (!visible) return undefined;
    // Capture phase: runs before the shell's own Escape handler, which skips handled events.
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onDismiss();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [visible]);
  if (!root || !widgets) return null;
  return (
    <div id={id} role="tooltip" class="ck-entity-preview">
      <widgets.WidgetView widget={root} itemId={entity.id} colorScheme={app.options.value.theme.colorScheme} policy={md.policy} strings={strings} onAction={async () => undefined} />
    </div>
  );
}
