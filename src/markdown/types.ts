/**
 * The parsed shape of a markdown document. Every node that renders text carries `at`, its offset in the raw
 * markdown, so citation markers (annotation `index`) can be placed without re-reading the source. Leaf blocks
 * keep their inline source (`src`): inline content is parsed when rendered, against the link reference
 * definitions known by then (a definition may come after the paragraph that uses it).
 */

/** Inline content. A `text` node with `n` stands for `n` source characters (an entity or escape) and is atomic. */
export type Inline =
  | { type: 'text'; v: string; at: number; n?: number }
  | { type: 'code'; v: string; at: number }
  | { type: 'math'; v: string; at: number; display: boolean; raw: string }
  | { type: 'em' | 'strong' | 'del'; children: Inline[] }
  | { type: 'link'; href: string; title?: string | undefined; children: Inline[]; at: number }
  | { type: 'image'; src: string; alt: string; title?: string | undefined; at: number }
  | { type: 'br' };

/** Column alignment from a GFM table's delimiter row ('' = none). */
export type Align = '' | 'left' | 'center' | 'right';

/**
 * Inline source and the offset of its first character. A paragraph's lines are joined without their
 * indentation, so `lines` maps the rest: pairs of (index in `src` where a line starts, its source offset).
 */
export interface InlineSource {
  readonly src: string;
  readonly at: number;
  readonly lines?: readonly number[] | undefined;
}

/** One table row (the header too); frozen once the next row has started. */
export interface TableRow {
  readonly at: number;
  readonly cells: readonly InlineSource[];
}

/** Source lines a block spans (0-based, inclusive): list looseness is decided from the gaps between them. */
interface Lines {
  readonly l0: number;
  readonly l1: number;
}

/** One list item; `task` is set for `[ ]` / `[x]` items. Frozen once the next item has started. */
export interface ListItem extends Lines {
  readonly type: 'item';
  readonly at: number;
  readonly task?: boolean | undefined;
  readonly children: readonly Block[];
  /** Whether any inline source below may use a reference definition (contains `]`). */
  readonly ref: boolean;
}

/** A block. Code keeps its text as chunks of a fixed number of lines so a growing block only rebuilds its tail. */
export type Block = Lines &
  (
    | ({ readonly type: 'p'; readonly ref: boolean } & InlineSource)
    | ({ readonly type: 'h'; readonly level: number; readonly ref: boolean } & InlineSource)
    | { readonly type: 'hr'; readonly at: number; readonly ref?: undefined }
    | {
        readonly type: 'code';
        readonly at: number;
        readonly lang: string;
        readonly parts: readonly string[];
        /** Set when the text ended before the closing fence: while streaming, more lines may follow. */
        readonly open?: boolean;
        readonly ref?: undefined;
      }
    | { readonly type: 'quote'; readonly at: number; readonly children: readonly Block[]; readonly ref: boolean }
    | {
        readonly type: 'list';
        readonly at: number;
        readonly ordered: boolean;
        readonly start: number;
        readonly loose: boolean;
        readonly items: readonly ListItem[];
        readonly ref: boolean;
      }
    | {
        readonly type: 'table';
        readonly at: number;
        readonly align: readonly Align[];
        readonly head: TableRow;
        readonly rows: readonly TableRow[];
        readonly ref: boolean;
      }
  );
