/** Pathological Markdown inputs by family: each function makes a document of about `n` characters. */
export declare const FAMILIES: Record<string, (n: number) => string>;
