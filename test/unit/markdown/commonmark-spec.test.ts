// @vitest-environment happy-dom
/**
 * The CommonMark 0.31.2 spec examples (the `commonmark-spec` package), outside the two raw-HTML sections where
 * we render HTML as text by design. Prints the figure per section; the README quotes it.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { permissive, report, runCases } from './conformance.ts';

const { tests } = createRequire(import.meta.url)('commonmark-spec') as {
  tests: Array<{ markdown: string; html: string; section: string; number: number }>;
};
const RAW_HTML = new Set(['HTML blocks', 'Raw HTML']);

it('passes at least 97 % of the CommonMark spec examples outside the raw-HTML sections', () => {
  // As the spec's own runner does: `→` stands for a tab.
  const cases = tests
    .filter((t) => !RAW_HTML.has(t.section))
    .map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t'), html: t.html.replace(/→/g, '\t') }));
  expect(cases.length).toBe(588);
  // GFM autolink literals off: CommonMark's examples expect `https://x` in text to stay text (as peers are measured).
  const results = runCases(cases, permissive, false);
  const r = report('CommonMark 0.31.2 (outside raw HTML), parser and renderer', results);
  console.log(r.text);
  console.log(report('with the shipped URL policy', runCases(cases, undefined, false)).text.split('\n')[0]);
  console.log(report('with GFM autolink literals on', runCases(cases, permissive)).text.split('\n')[0]);
  if (process.env.SPEC_FAILURES) {
    results.forEach((x, i) => !x.pass && console.log(`#${cases[i]!.number} ${x.section}\n${JSON.stringify(cases[i]!.markdown)}\n want ${x.want}\n got  ${x.got}`));
  }
  expect(r.passed / r.total).toBeGreaterThanOrEqual(0.97);
}, 60_000);
