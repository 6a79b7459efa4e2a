/** `Image` (CHATKIT.md §4.4): the source passes the URL policy; hosts outside allowed_image_domains wait for a click. */
import { useState } from 'preact/hooks';
import { applyBlock, cx } from '../block-style.ts';
import { resolveColor } from '../colors.ts';
import { useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readEnum, readString } from '../values.ts';

const FITS = ['cover', 'contain', 'fill', 'scale-down', 'none'] as const;
const POSITIONS = ['top left', 'top', 'top right', 'left', 'center', 'right', 'bottom left', 'bottom', 'bottom right'] as const;

/** `Image`: sized by BlockProps, `fit`/`position` as object-fit/object-position; unsafe sources render nothing. */
export function Image({ node }: NodeProps) {
  const { policy, scheme, strings } = useWidget();
  const safe = typeof node.src === 'string' ? policy.image(node.src) : null;
  const [allowed, setAllowed] = useState(false);
  if (!safe) return null;
  const style = applyBlock({}, node);
  const fit = readEnum(node.fit, FITS);
  const position = readEnum(node.position, POSITIONS);
  const background = resolveColor(node.background, scheme);
  if (fit) style.objectFit = fit;
  if (position) style.objectPosition = position;
  if (background) style.background = background;
  const cls = cx('ck-w-image', node.frame === true && 'ck-w-frame', node.flush === true && 'ck-w-flush');
  if (safe.blocked && !allowed) {
    return (
      <button type="button" class={cx(cls, 'ck-w-load-image')} style={style} onClick={() => setAllowed(true)}>
        {strings.loadImage(safe.host)}
      </button>
    );
  }
  return <img class={cls} style={style} src={safe.src} alt={readString(node.alt, 1000) ?? ''} loading="lazy" referrerpolicy="no-referrer" />;
}
