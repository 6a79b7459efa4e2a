// @vitest-environment happy-dom
/**
 * GFM: the extension examples of the GFM spec and LLM-style answers using them (fixtures/gfm-cases.json, with
 * micromark + micromark-extension-gfm's HTML as the reference; fixtures/make-gfm-cases.mjs regenerates it).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { permissive, report, runCases } from './conformance.ts';

const cases = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/gfm-cases.json'), 'utf8')) as Array<{
  section: string;
  markdown: string;
  html: string;
}>;

it('passes at least 95 % of the GFM cases', () => {
  const results = runCases(cases, permissive);
  const r = report('GFM cases', results);
  console.log(r.text);
  if (process.env.SPEC_FAILURES) {
    results.forEach((x, i) => !x.pass && console.log(`${x.section}\n${JSON.stringify(cases[i]!.markdown)}\n want ${x.want}\n got  ${x.got}`));
  }
  expect(r.passed / r.total).toBeGreaterThanOrEqual(0.95);
}, 60_000);
