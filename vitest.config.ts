import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests only; end-to-end lives in test/e2e and runs under Playwright.
// DOM tests opt in per file with `// @vitest-environment happy-dom`.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  define: {
    __RICH_CSS__: JSON.stringify('rich-test.css'),
    // chatkit.js imports its host chunk by URL; under test that URL is the source module itself.
    __HOST__: JSON.stringify(pathToFileURL('loader/extension.ts').href),
    __VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup-markdown.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 10_000,
  },
});
