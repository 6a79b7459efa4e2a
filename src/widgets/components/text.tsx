/** Text and content components (CHATKIT.md §4.4): Text, Title, Caption, Label, Markdown, Badge, Icon. */
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { Icon } from '../../icons/icon.tsx';
import { Markdown } from '../../markdown/markdown.tsx';
import { cx, type Style } from '../block-style.ts';
import { resolveColor, type Scheme } from '../colors.ts';
import { fieldId, useWidget } from '../context.ts';
import type { NodeProps } from '../render-node.tsx';
import { readEnum, readInt, readLength, readObject, readString } from '../values.ts';
import { TextField } from './fields.tsx';

const WEIGHTS = ['normal', 'medium', 'semibold', 'bold'] as const;
const ALIGNS = ['start', 'center', 'end'] as const;
const TEXT_SIZES = ['xs', 'sm', 'md', 'lg', 'xl'] as const;
const TITLE_SIZES = ['sm', 'md', 'lg', 'xl', '2xl', '3xl', '4xl', '5xl'] as const;
const CAPTION_SIZES = ['sm', 'md', 'lg'] as const;
const BADGE_COLORS = ['secondary', 'success', 'danger', 'warning', 'info', 'discovery'] as const;
/** Pixel sizes of IconSize names. */
export const ICON_SIZES: Record<string, number> = { xs: 12, sm: 14, md: 16, lg: 18, xl: 20, '2xl': 24, '3xl': 32 };

/** Class and style shared by text components (BaseTextProps); `base` is the component class. */
export function textProps(n: WidgetComponent, scheme: Scheme, base: string, sizes: readonly string[]): { class: string; style: Style } {
  const size = readEnum(n.size, sizes);
  const weight = readEnum(n.weight, WEIGHTS);
  const align = readEnum(n.textAlign, ALIGNS);
  const lines = readInt(n.maxLines, 1, 100);
  const minLines = readInt(n.minLines, 1, 100);
  const style: Style = {};
  const color = resolveColor(n.color, scheme);
  const width = readLength(n.width);
  if (color) style.color = color;
  if (width) style.width = width;
  if (lines) style['--ck-w-lines'] = String(lines);
  if (minLines) style['--ck-w-min-lines'] = String(minLines);
  return {
    class: cx(
      base,
      size && `${base}-${size}`,
      weight && `ck-w-fw-${weight}`,
      align && `ck-w-ta-${align}`,
      n.truncate === true && 'ck-w-truncate',
      lines && 'ck-w-clamp',
      minLines && 'ck-w-min-lines',
      n.italic === true && 'ck-w-italic',
      n.lineThrough === true && 'ck-w-strike',
    ),
    style,
  };
}

const caret = () => <span class="ck-w-caret" aria-hidden="true" />;

/** `Text`: a paragraph, a streaming caret while `streaming`, or an inline field when `editable`. */
export function Text({ node }: NodeProps) {
  const p = textProps(node, useWidget().scheme, 'ck-w-text', TEXT_SIZES);
  const editable = readObject(node.editable);
  if (editable && readString(editable.name)) return <TextField node={node} editable={editable} class={p.class} style={p.style} />;
  return (
    <p class={p.class} style={p.style} dir="auto">
      {readString(node.value)}
      {node.streaming === true && caret()}
    </p>
  );
}

/** `Title`: a heading. */
export function Title({ node }: NodeProps) {
  const p = textProps(node, useWidget().scheme, 'ck-w-title', TITLE_SIZES);
  return (
    <h3 class={p.class} style={p.style} dir="auto">
      {readString(node.value)}
    </h3>
  );
}

/** `Caption`: small secondary text. */
export function Caption({ node }: NodeProps) {
  const p = textProps(node, useWidget().scheme, 'ck-w-caption', CAPTION_SIZES);
  return (
    <p class={p.class} style={p.style} dir="auto">
      {readString(node.value)}
    </p>
  );
}

/** `Label`: labels the control named `fieldName`. */
export function Label({ node }: NodeProps) {
  const { scheme, itemId } = useWidget();
  const p = textProps(node, scheme, 'ck-w-label', TEXT_SIZES);
  const name = readString(node.fieldName);
  return (
    <label class={p.class} style={p.style} dir="auto" for={name ? fieldId(itemId, name) : undefined}>
      {readString(node.value)}
    </label>
  );
}

/** `Markdown`: safe markdown through the shared URL policy; a caret (CSS, after the last block) while `streaming`. */
export function MarkdownBlock({ node }: NodeProps) {
  const { policy, strings, onDeeplink } = useWidget();
  const streaming = node.streaming === true;
  return (
    <div class={cx('ck-w-markdown', streaming && 'ck-w-streaming')} dir="auto">
      <Markdown text={readString(node.value) ?? ''} streaming={streaming} policy={policy} strings={strings.markdown} onDeeplink={onDeeplink} />
    </div>
  );
}

/** `Badge`: a small label; colour, variant and size are classes. */
export function Badge({ node }: NodeProps) {
  const color = readEnum(node.color, BADGE_COLORS) ?? 'secondary';
  const variant = readEnum(node.variant, ['solid', 'soft', 'outline'] as const) ?? 'soft';
  const size = readEnum(node.size, ['sm', 'md', 'lg'] as const) ?? 'sm';
  return (
    <span class={cx('ck-w-badge', `ck-w-c-${color}`, `ck-w-v-${variant}`, `ck-w-badge-${size}`, node.pill === true && 'ck-w-pill')} dir="auto">
      {readString(node.label)}
    </span>
  );
}

/** `Icon`: a named icon (unknown names draw the fallback), coloured by `color`. */
export function WidgetIcon({ node }: NodeProps) {
  const name = readString(node.name, 100);
  const color = resolveColor(node.color, useWidget().scheme);
  if (!name) return null;
  return (
    <span class="ck-w-icon" style={color ? { color } : undefined}>
      <Icon name={name} size={ICON_SIZES[readEnum(node.size, Object.keys(ICON_SIZES)) ?? 'md']} />
    </span>
  );
}
