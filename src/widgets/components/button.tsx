/** `Button` (CHATKIT.md §4.5) and the status line shared by `Card` and `ListView`. */
import { useState } from 'preact/hooks';
import { Icon } from '../../icons/icon.tsx';
import { cx } from '../block-style.ts';
import { useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readEnum, readObject, readString } from '../values.ts';
import { Spinner } from './control-state.tsx';
import { controlClass } from './fields.tsx';

const COLORS = ['primary', 'secondary', 'info', 'discovery', 'success', 'caution', 'warning', 'danger'] as const;
const ICON_PX: Record<string, number> = { sm: 14, md: 16, lg: 18, xl: 20, '2xl': 24 };
/** The icon size that goes with each control size when `iconSize` is not given: icons scale with the button. */
const ICON_FOR_SIZE: Record<string, number> = { '3xs': 12, '2xs': 12, xs: 14, sm: 14, md: 16, lg: 18, xl: 18, '2xl': 20, '3xl': 22 };

/**
 * `Button`: fires `onClickAction` (self-loading by default). A `submit` button validates its form first;
 * without its own action it submits the form, which fires the form's action.
 */
export function Button({ node }: NodeProps) {
  const { run } = useWidget();
  const [loading, setLoading] = useState(false);
  const preset = readEnum(node.style, ['primary', 'secondary'] as const);
  const color = readEnum(node.color, COLORS) ?? preset ?? 'secondary';
  const label = readString(node.label, 500);
  const start = readString(node.iconStart, 100);
  const end = readString(node.iconEnd, 100);
  const iconSize = readEnum(node.iconSize, Object.keys(ICON_PX));
  const size = iconSize ? ICON_PX[iconSize] : ICON_FOR_SIZE[readEnum(node.size, Object.keys(ICON_FOR_SIZE)) ?? 'md'];
  const submit = node.submit === true;
  const click = (e: MouseEvent) => {
    if (!node.onClickAction) return;
    if (submit) e.preventDefault();
    void run(node.onClickAction, { el: e.currentTarget as Element, kind: 'press', validate: submit, self: setLoading });
  };
  return (
    <button
      type={submit ? 'submit' : 'button'}
      class={cx(controlClass(node, 'ck-w-btn', preset === 'secondary' ? 'outline' : 'solid'), `ck-w-c-${color}`, node.uniform === true && 'ck-w-uniform')}
      disabled={node.disabled === true || loading}
      aria-busy={loading || undefined}
      aria-label={label ? undefined : (start ?? end)}
      onClick={click}
    >
      {loading ? <Spinner /> : start && <Icon name={start} size={size} />}
      {label && <span>{label}</span>}
      {end && <Icon name={end} size={size} />}
    </button>
  );
}

/** The status line above a Card or ListView: a favicon (through the URL policy) or an icon, then text. */
export function Status({ status }: { status: unknown }) {
  const { policy } = useWidget();
  const s = readObject(status);
  const text = readString(s?.text, 500);
  if (!s || !text) return null;
  const favicon = typeof s.favicon === 'string' ? policy.image(s.favicon) : null;
  const icon = readString(s.icon, 100);
  return (
    <div class="ck-w-status">
      {favicon && !favicon.blocked ? (
        <img class={cx('ck-w-favicon', s.frame === true && 'ck-w-frame')} src={favicon.src} alt="" referrerpolicy="no-referrer" />
      ) : (
        icon && <Icon name={icon} size={16} />
      )}
      <span>{text}</span>
    </div>
  );
}
