/** The `Card` root (CHATKIT.md §4.2): status line, body, confirm/cancel footer, `asForm`, `collapsed`, `theme`. */
import { useState } from 'preact/hooks';
import { applyBorder, applySpacing, cx, type Style } from '../block-style.ts';
import { resolveColor } from '../colors.ts';
import { useWidget } from '../context.ts';
import { renderChildren, type NodeProps } from '../render-node.tsx';
import { readEnum, readObject, readString } from '../values.ts';
import { Status } from './button.tsx';
import { Themed } from './layout.tsx';

const SIZES = ['sm', 'md', 'lg', 'full'] as const;

function readCardAction(v: unknown): { label: string; action: unknown } | undefined {
  const o = readObject(v);
  return o && readObject(o.action) ? { label: readString(o.label, 200) ?? '', action: o.action } : undefined;
}

/**
 * `Card`: with `asForm` its body is a form and `confirm` submits it (validated, values included); after the
 * confirm action completes a `collapsed` card hides its body.
 */
export function Card({ node, depth }: NodeProps) {
  const { run } = useWidget();
  const [done, setDone] = useState(false);
  const asForm = node.asForm === true;
  const confirm = readCardAction(node.confirm);
  const cancel = readCardAction(node.cancel);
  const collapsed = done && node.collapsed === true;
  const fireConfirm = async (el: Element) => {
    if (confirm && (await run(confirm.action, { el, kind: 'confirm', validate: asForm }))) setDone(true);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    void fireConfirm(e.currentTarget as Element);
  };
  const Body = asForm ? 'form' : 'div';
  return (
    <Themed theme={node.theme}>
      {(themeClass, scheme) => {
        const style: Style = {};
        const pad: Style = {};
        const background = resolveColor(node.background, scheme);
        if (background) style.background = background;
        applyBorder(style, node.border, scheme);
        applySpacing(pad, 'padding', node.padding);
        return (
          <section class={cx('ck-w-card', `ck-w-card-${readEnum(node.size, SIZES) ?? 'md'}`, themeClass, collapsed && 'ck-w-collapsed')} style={style}>
            <Status status={node.status} />
            {!collapsed && (
              <Body class="ck-w-card-body" onSubmit={asForm ? submit : undefined}>
                <div class="ck-w-card-content" style={pad}>
                  {renderChildren(node, depth)}
                </div>
                {(confirm || cancel) && (
                  <div class="ck-w-card-footer">
                    {cancel && (
                      <button type="button" class="ck-w-btn ck-w-v-outline ck-w-c-secondary" onClick={(e) => void run(cancel.action, { el: e.currentTarget, kind: 'confirm' })}>
                        {cancel.label}
                      </button>
                    )}
                    {confirm && (
                      <button
                        type={asForm ? 'submit' : 'button'}
                        class="ck-w-btn ck-w-v-solid ck-w-c-primary"
                        onClick={asForm ? undefined : (e) => void fireConfirm(e.currentTarget)}
                      >
                        {confirm.label}
                      </button>
                    )}
                  </div>
                )}
              </Body>
            )}
          </section>
        );
      }}
    </Themed>
  );
}
