/**
 * The parsed shape of a markdown document. Every node that renders text carries `at`, its offset in the raw
 * markdown, so citation markers (annotation `index`) can be placed without re-reading the source.
 */

/** Inline content. A `text` node with `n` stands for `n` source characters (an entity or escape) and is atomic. */
export type Inline =
  | { type: 'text'; v: string; at: number; n?: number }
  | { type: 'code'; v: string; at: number }
  | { type: 'em' | 'strong' | 'del'; children: Inline[] }
  | { type: 'link'; href: string; title?: string | undefined; children: Inline[]; at: number }
  | { type: 'image'; src: string; alt: string; title?: string | undefined; at: number }
  | { type: 'br' };

/** Column alignment from a GFM table's delimiter row ('' = none). */
export type Align = '' | 'left' | 'center' | 'right';

/** One table row (the header too); frozen once the next row has started. */
export interface TableRow {
  readonly at: number;
  readonly cells: readonly Inline[][];
}

/** One list item; `task` is set for `[ ]` / `[x]` items. Frozen once the next item has started. */
export interface ListItem {
  readonly type: 'item';
  readonly at: number;
  readonly task?: boolean | undefined;
  readonly children: readonly Block[];
}

/** A block. Code keeps its text as chunks of a fixed number of lines so a growing block only rebuilds its tail. */
export type Block =
  | { readonly type: 'p'; readonly at: number; readonly children: Inline[] }
  | { readonly type: 'h'; readonly at: number; readonly level: number; readonly children: Inline[] }
  | { readonly type: 'hr'; readonly at: number }
  | { readonly type: 'code'; readonly at: number; readonly lang: string; readonly parts: readonly string[] }
  | { readonly type: 'quote'; readonly at: number; readonly children: readonly Block[] }
  | {
      readonly type: 'list';
      readonly at: number;
      readonly ordered: boolean;
      readonly start: number;
      readonly loose: boolean;
      readonly items: readonly ListItem[];
    }
  | {
      readonly type: 'table';
      readonly at: number;
      readonly align: readonly Align[];
      readonly head: TableRow;
      readonly rows: readonly TableRow[];
    };
