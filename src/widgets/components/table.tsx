/** `Table` with `Table.Row` / `Table.Cell` (CHATKIT.md §4.4); leading header rows form the `<thead>`. */
import type { WidgetComponent } from '../../protocol/widgets.ts';
import { applySpacing, cx, type Style } from '../block-style.ts';
import { childNodes, renderChildren, type NodeProps } from '../render-node.tsx';
import { readEnum, readInt, readLength } from '../values.ts';

const ALIGNS = ['start', 'center', 'end'] as const;
const COL_SIZES = ['xs', 'sm', 'md', 'lg', 'xl'] as const;

const keyOf = (n: WidgetComponent, i: number): string => n.key ?? n.id ?? `#${i}`;

function Cell({ node, depth, header }: NodeProps & { header: boolean }) {
  const Tag = header ? 'th' : 'td';
  const align = readEnum(node.align, ALIGNS);
  const vAlign = readEnum(node.vAlign, ALIGNS);
  const colSize = readEnum(node.colSize, COL_SIZES);
  const style: Style = {};
  const width = readLength(node.width);
  if (width) style.width = width;
  applySpacing(style, 'padding', node.padding);
  return (
    <Tag
      class={cx('ck-w-cell', align && `ck-w-ta-${align}`, vAlign && `ck-w-va-${vAlign}`, colSize && `ck-w-col-${colSize}`)}
      style={style}
      colSpan={readInt(node.colSpan, 1, 1000)}
      rowSpan={readInt(node.rowSpan, 1, 1000)}
      scope={header ? 'col' : undefined}
    >
      {renderChildren(node, depth)}
    </Tag>
  );
}

function Row({ node, depth }: NodeProps) {
  const header = node.header === true;
  return (
    <tr class={cx('ck-w-tr', header && 'ck-w-thr')}>
      {childNodes(node)
        .filter((c) => c.type === 'Table.Cell')
        .map((c, i) => <Cell key={keyOf(c, i)} node={c} depth={depth + 1} header={header} />)}
    </tr>
  );
}

/** `Table`: rows of cells; any component can sit in a cell. */
export function Table({ node, depth }: NodeProps) {
  const rows = childNodes(node).filter((r) => r.type === 'Table.Row');
  let head = 0;
  while (rows[head]?.header === true) head++;
  const draw = (list: WidgetComponent[], from: number) => list.map((r, i) => <Row key={keyOf(r, from + i)} node={r} depth={depth + 1} />);
  return (
    <div class="ck-w-table-wrap">
      <table class="ck-w-table">
        {head > 0 && <thead>{draw(rows.slice(0, head), 0)}</thead>}
        <tbody>{draw(rows.slice(head), head)}</tbody>
      </table>
    </div>
  );
}
