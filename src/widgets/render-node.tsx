/**
 * One widget node → its component. Each node renders through `NodeView`, which skips re-rendering while the node
 * object is unchanged (the store copies only the path to an edited component, so a streamed delta re-renders
 * one branch), keys siblings by `key ?? id ?? index` so typed values survive updates, stops at a depth limit,
 * and turns a crash in a subtree into nothing instead of taking the conversation down.
 */
import { Component, h, type ComponentChild } from 'preact';
import type { WidgetComponent } from '../protocol/widgets.ts';
import { Button } from './components/button.tsx';
import { Card } from './components/card.tsx';
import { Chart } from './components/chart.tsx';
import { Checkbox, RadioGroup } from './components/choices.tsx';
import { DatePicker } from './components/date-picker.tsx';
import { Input, Textarea } from './components/fields.tsx';
import { Image } from './components/image.tsx';
import { Basic, Box, Col, Divider, Form, Row, Spacer, Transition } from './components/layout.tsx';
import { ListView, ListViewItem } from './components/list-view.tsx';
import { Select } from './components/select.tsx';
import { Table } from './components/table.tsx';
import { Badge, Caption, Label, MarkdownBlock, Text, Title, WidgetIcon } from './components/text.tsx';

/** Props every widget component receives. */
export interface NodeProps {
  node: WidgetComponent;
  depth: number;
}

type WidgetFn = (props: NodeProps) => ComponentChild;

/** Nodes nested deeper than this render nothing (parsed widgets already stop at 64). */
export const MAX_RENDER_DEPTH = 64;

let registry: Record<string, WidgetFn> | undefined;

// Built on first use so component modules that import this one can be loaded in any order.
function lookup(type: string): WidgetFn | undefined {
  registry ??= {
    Card, ListView, ListViewItem, Basic, Box, Row, Col, Form, Spacer, Divider, Transition, Text, Title, Caption, Label,
    Markdown: MarkdownBlock, Badge, Icon: WidgetIcon, Image, Table, Chart, Button, Input, Textarea, Select,
    DatePicker, Checkbox, RadioGroup,
  };
  // Own keys only: a node of type "constructor" must not find Object's.
  return Object.hasOwn(registry, type) ? registry[type] : undefined;
}

interface NodeState {
  node?: WidgetComponent;
  failed?: boolean;
}

class NodeView extends Component<NodeProps, NodeState> {
  static override getDerivedStateFromProps(props: NodeProps, state: NodeState): NodeState | null {
    return props.node === state.node ? null : { node: props.node, failed: false };
  }

  static override getDerivedStateFromError(): NodeState {
    return { failed: true };
  }

  override shouldComponentUpdate(next: NodeProps, state: NodeState): boolean {
    return next.node !== this.props.node || state.failed !== this.state.failed;
  }

  override render({ node, depth }: NodeProps, { failed }: NodeState) {
    const C = !failed && depth <= MAX_RENDER_DEPTH ? lookup(node.type) : undefined;
    return C ? h(C, { node, depth }) : null;
  }
}

/** True for a value that can be rendered as a node. */
export const isNode = (v: unknown): v is WidgetComponent =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as WidgetComponent).type === 'string';

/** The node's children that are nodes (hostile trees may hold anything). */
export const childNodes = (node: WidgetComponent): WidgetComponent[] =>
  Array.isArray(node.children) ? node.children.filter(isNode) : isNode(node.children) ? [node.children] : [];

/** Renders a list of nodes, keyed by `key ?? id ?? index` (a repeated key falls back to the index). */
export function renderNodes(nodes: readonly WidgetComponent[], depth: number): ComponentChild[] {
  const seen = new Set<string>();
  return nodes.map((node, i) => {
    let key = typeof node.key === 'string' ? node.key : typeof node.id === 'string' ? node.id : `#${i}`;
    if (seen.has(key)) key = `#${i}`;
    seen.add(key);
    return h(NodeView, { key, node, depth: depth + 1 });
  });
}

/** Renders a node's children. */
export const renderChildren = (node: WidgetComponent, depth: number): ComponentChild[] => renderNodes(childNodes(node), depth);

/** Renders one node at `depth` (a root, or a single child). */
export const renderNode = (node: WidgetComponent, depth: number): ComponentChild => h(NodeView, { node, depth });
