import { useState } from 'preact/hooks';

/** Props of GuardedImage; `blocked` images wait behind a button labelled `loadLabel`. */
export interface GuardedImageProps {
  src: string;
  alt: string;
  title?: string | undefined;
  blocked: boolean;
  loadLabel: string;
}

/** An image that is fetched only once allowed: hosts outside allowed_image_domains need a click first. */
export function GuardedImage({ src, alt, title, blocked, loadLabel }: GuardedImageProps) {
  const [shown, setShown] = useState(!blocked);
  return shown ? (
    <img class="ck-md-img" loading="lazy" referrerpolicy="no-referrer" alt={alt} title={title} src={src} />
  ) : (
    <button type="button" class="ck-md-load-image" onClick={() => setShown(true)}>
      {loadLabel}
    </button>
  );
}
