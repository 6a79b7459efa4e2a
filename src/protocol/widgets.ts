/**
 * Widget trees, validated leniently. Servers build widgets from templates with `extra="allow"`, so any component
 * type and any prop can arrive; the widget renderer decides what to draw. Here we only guarantee the tree shape
 * the rest of the app relies on: every node is an object with a string `type`, `id`/`key` are strings when
 * present, and `children` is an array of nodes. A single child object (as `Transition` sends it) is normalised
 * to a one-element array, and `null` ids/keys/children (never sent by Python) are dropped.
 */
import * as z from './zod.ts';

/** Any widget component: a string `type` plus arbitrary props that the renderer interprets. */
export interface WidgetComponent {
  type: string;
  id?: string;
  key?: string;
  children?: WidgetComponent[];
  [prop: string]: unknown;
}

/** A widget root (`Card`, `ListView` or `Basic`; any type is accepted and left to the renderer). */
export type WidgetRoot = WidgetComponent;

/** What a widget control does when used (CHATKIT.md §3.11); JS types declare only `type` and `payload`. */
export interface ActionConfig {
  type: string;
  payload?: unknown;
  handler?: 'client' | 'server';
  loadingBehavior?: 'auto' | 'none' | 'self' | 'container';
  streaming?: boolean;
}

// Deep enough for any real layout; stops a hostile tree from exhausting the stack of every tree walker.
const MAX_DEPTH = 64;

type Checked = { node: WidgetComponent } | { error: string };

function readNode(value: unknown, path: string, depth: number): Checked {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: `${path} is not an object` };
  if (depth > MAX_DEPTH) return { error: `${path} nests deeper than ${MAX_DEPTH} levels` };
  const node = value as Record<string, unknown>;
  if (typeof node.type !== 'string') return { error: `${path}.type is not a string` };
  let out: Record<string, unknown> = node;
  for (const key of ['id', 'key'] as const) {
    const v = node[key];
    if (v === null) out = omit(out, key);
    else if (v !== undefined && typeof v !== 'string') return { error: `${path}.${key} is not a string` };
  }
  const children = node.children;
  if (children === null) out = omit(out, 'children');
  else if (children !== undefined) {
    const list = Array.isArray(children) ? children : [children];
    let changed = list !== children;
    const next: WidgetComponent[] = [];
    for (let i = 0; i < list.length; i++) {
      const childPath = Array.isArray(children) ? `${path}.children[${i}]` : `${path}.children`;
      const child = readNode(list[i], childPath, depth + 1);
      if ('error' in child) return child;
      if (child.node !== list[i]) changed = true;
      next.push(child.node);
    }
    if (changed) out = { ...out, children: next };
  }
  return { node: out as WidgetComponent };
}

function omit(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/** Validates a widget node leniently (see the module comment); returns the node, normalised, or `undefined`. */
export function readWidgetNode(value: unknown): WidgetComponent | undefined {
  const result = readNode(value, 'widget', 0);
  return 'node' in result ? result.node : undefined;
}

/** Schema for a widget root or component; the failure message names the offending node. */
export const widgetSchema = z.pipe(
  z.unknown(),
  z.transform((value: unknown, ctx): WidgetComponent => {
    const result = readNode(value, 'node', 0);
    if ('node' in result) return result.node;
    ctx.issues.push({ code: 'custom', message: `a widget tree (${result.error})`, input: value });
    return z.NEVER;
  }),
);
