import { defineConfig } from 'vitest/config';

// Unit tests only; end-to-end lives in test/e2e and runs under Playwright.
// DOM tests opt in per file with `// @vitest-environment happy-dom`.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  define: { __RICH_CSS__: JSON.stringify('rich-test.css') },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 10_000,
  },
});
