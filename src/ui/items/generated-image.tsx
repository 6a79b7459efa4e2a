/**
 * A generated image (CHATKIT.md §3.5.2, C12): while generating, a placeholder with a progress bar (determinate
 * once `progress` is known) and the partial previews as they arrive; then the final image. Every URL goes
 * through the URL policy: `data:image/…` and allowed hosts load, other hosts wait behind a "Load image" button,
 * and partial previews from such hosts are not shown at all.
 */
import { formatString } from '../../i18n/format.ts';
import { GuardedImage } from '../../markdown/guarded-image.tsx';
import type { GeneratedImageItem } from '../../protocol/items.ts';
import { useModels } from '../context.ts';
import { useMarkdown } from '../use-markdown.ts';

/** One generated image item. */
export function GeneratedImage({ item, pending }: { item: GeneratedImageItem; pending: boolean }) {
  const s = useModels().app.strings.value;
  const md = useMarkdown();
  const image = item.image ? md.policy.image(item.image.url) : null;
  // `progress` exists only between `generated_image.updated` events; the `done` snapshot has none. So an image
  // without progress is final even while the thread still streams after it.
  if (!pending || (item.image && item.progress === undefined)) {
    if (!image) return null;
    return (
      <figure class="ck-image">
        <GuardedImage key={image.src} src={image.src} alt={s.generatedImage} blocked={image.blocked} loadLabel={formatString(s.loadImage, { host: image.host })} />
      </figure>
    );
  }
  const p = item.progress;
  const known = typeof p === 'number' && Number.isFinite(p);
  const percent = known ? Math.round(Math.min(1, Math.max(0, p)) * 100) : null;
  return (
    <figure class="ck-image ck-image-pending">
      {image && !image.blocked ? (
        <img class="ck-image-preview" src={image.src} alt="" referrerpolicy="no-referrer" />
      ) : (
        <div class="ck-image-placeholder" />
      )}
      <div
        class="ck-image-progress"
        role="progressbar"
        aria-label={s.generatingImage}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        data-indeterminate={percent === null ? 'true' : undefined}
      >
        <div class="ck-image-bar" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </figure>
  );
}
