/** Path-copying edits of widget trees for `widget.*` updates: only the nodes on the way to the change are copied. */
import type { WidgetComponent } from '../protocol/index.ts';

// Parsed widgets are at most 64 levels deep; the guard keeps an unparsed tree from exhausting the stack.
const MAX_DEPTH = 80;

/** Returns `root` with the first component whose `id` matches (depth first, root included) passed through `edit`. */
export function editComponent(
  root: WidgetComponent,
  componentId: string,
  edit: (component: WidgetComponent) => WidgetComponent,
): WidgetComponent {
  return visit(root, componentId, edit, 0) ?? root;
}

// The edited copy of `node`, `node` itself when the edit changed nothing, or undefined when the id is not here.
function visit(
  node: WidgetComponent,
  id: string,
  edit: (component: WidgetComponent) => WidgetComponent,
  depth: number,
): WidgetComponent | undefined {
  if (node.id === id) return edit(node);
  const children = node.children;
  if (!Array.isArray(children) || depth >= MAX_DEPTH) return undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child === null || typeof child !== 'object') continue;
    const next = visit(child, id, edit, depth + 1);
    if (next === undefined) continue;
    if (next === child) return node;
    const copy = children.slice();
    copy[i] = next;
    return { ...node, children: copy };
  }
  return undefined;
}

/** Appends a streamed delta to a `Text`/`Markdown` component; other component types are left unchanged. */
export function appendStreamingText(component: WidgetComponent, delta: string, done: boolean): WidgetComponent {
  if (component.type !== 'Text' && component.type !== 'Markdown') return component;
  const value = typeof component.value === 'string' ? component.value : '';
  return { ...component, value: value + delta, streaming: !done };
}
