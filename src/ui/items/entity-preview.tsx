/**
 * The hover card of an entity (lazy chunk): an optional header, then the widget the host returns from `entities.onRequestPreview`,
 * rendered with the widget renderer. Previews are cached per entity id for as long as the host function is the
 * same (new options bring a new function, hence fresh previews); a failed request shows nothing and is retried
 * on the next hover. Escape dismisses it and is consumed, so the panel itself stays open.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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

/** Space kept between a preview and the panel's edges, px. */
const EDGE = 8;

/**
 * Where a popover at `rect` must move to stay inside `bounds` (the panel): shifted sideways by `dx`, and flipped
 * above its anchor when it would overflow the bottom and there is more room above (`anchorTop` is the anchor's top).
 */
export function fitInside(rect: DOMRectReadOnly, bounds: DOMRectReadOnly, anchorTop: number): { dx: number; above: boolean } {
  let dx = 0;
  if (rect.right > bounds.right - EDGE) dx = bounds.right - EDGE - rect.right;
  if (rect.left + dx < bounds.left + EDGE) dx = bounds.left + EDGE - rect.left;
  const above = rect.bottom > bounds.bottom - EDGE && anchorTop - bounds.top > bounds.bottom - rect.top;
  return { dx: Math.round(dx), above };
}

/** Props of {@link EntityPreview}. */
export interface EntityPreviewProps {
  /** The popover's id (the button's `aria-describedby`). */
  id: string;
  entity: Entity;
  /** The host's preview function; without it only the header shows. */
  request?: RequestPreview | undefined;
  header?: ComponentChildren;
  onDismiss: () => void;
}

/** The popover; renders nothing until (and unless) there is a header or a preview to show. */
export function EntityPreview({ id, entity, request, header, onDismiss }: EntityPreviewProps) {
  const { app } = useModels();
  const md = useMarkdown();
  const strings = useWidgetStrings(md);
  const [root, setRoot] = useState<WidgetRoot | null>(null);
  useEffect(() => {
    if (!request) return undefined;
    let live = true;
    void requestPreview(request, entity).then((r) => live && setRoot(r));
    return () => void (live = false);
  }, [request, entity.id]);
  const widgets = useLazy(root ? loadWidgets : null, app.reportError);
  const visible = !!((root && widgets) || header);
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ dx: number; above: boolean } | null>(null);
  // Measured before paint: a tag near the panel's right edge (user messages) or bottom gets its preview moved inside.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!visible || !el || fit) return;
    const panel = el.closest('.ck-panel') ?? document.documentElement;
    const anchor = el.parentElement?.getBoundingClientRect();
    setFit(fitInside(el.getBoundingClientRect(), panel.getBoundingClientRect(), anchor?.top ?? 0));
  }, [visible, fit]);
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
  if (!visible) return null;
  return (
    <div
      id={id}
      ref={ref}
      role="tooltip"
      class={`ck-entity-preview${fit?.above ? ' ck-entity-preview-above' : ''}`}
      style={fit ? { transform: `translateX(${fit.dx}px)` } : { visibility: 'hidden' }}
    >
      {header}
      {root && widgets && (
        <widgets.WidgetView widget={root} itemId={entity.id} colorScheme={app.options.value.theme.colorScheme} policy={md.policy} strings={strings} onAction={async () => undefined} />
      )}
    </div>
  );
}
