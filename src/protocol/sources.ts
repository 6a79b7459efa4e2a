/** Citation sources and the annotations that place them in assistant text (CHATKIT.md §3.5.3). */
import * as z from './zod.ts';
import { indexSchema, jsonObject, opt } from './primitives.ts';

const sourceBase = {
  title: z.string(),
  description: opt(z.string()),
  timestamp: opt(z.string()),
  group: opt(z.string()),
};

/** A web page source. */
export const urlSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('url'),
  url: z.string(),
  attribution: opt(z.string()),
});

/** A file source. */
export const fileSourceSchema = z.object({ ...sourceBase, type: z.literal('file'), filename: z.string() });

/** An entity source (the deprecated `preview` field is dropped: clients ignore it). */
export const entitySourceSchema = z.object({
  ...sourceBase,
  type: z.literal('entity'),
  id: z.string(),
  icon: opt(z.string()),
  label: opt(z.string()),
  inline_label: opt(z.string()),
  interactive: z._default(z.boolean(), false),
  data: z._default(jsonObject, {}),
});

/** Any source, discriminated by `type`. */
export const sourceSchema = z.discriminatedUnion('type', [urlSourceSchema, fileSourceSchema, entitySourceSchema]);

/** An annotation: a source plus the character offset of its inline marker. */
export const annotationSchema = z.object({
  type: z._default(z.literal('annotation'), 'annotation'),
  source: sourceSchema,
  index: opt(indexSchema),
});

/** A web page source. */
export type URLSource = z.output<typeof urlSourceSchema>;
/** A file source. */
export type FileSource = z.output<typeof fileSourceSchema>;
/** An entity source. */
export type EntitySource = z.output<typeof entitySourceSchema>;
/** Any source. */
export type Source = z.output<typeof sourceSchema>;
/** A source attached to assistant text. */
export type Annotation = z.output<typeof annotationSchema>;
