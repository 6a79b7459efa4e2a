import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/**
 * The WordPress plugin's end-to-end tests (test/wordpress/), run by `node scripts/test-wordpress.mjs` (a step of
 * `npm test`), which first installs PHP, fetches WordPress and builds the plugin zip. One project per WordPress
 * version, the oldest we support and the newest in the tarball, because script attributes are added differently
 * in each; every project's worker runs its own WordPress (php -S) and reference backend.
 */
export default defineConfig({
  testDir: 'test/wordpress',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    // The reference backend runs on site.test / widget.test (test/e2e/support/demo.ts), WordPress on 127.0.0.1.
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--host-resolver-rules=MAP *.test 127.0.0.1'] },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  projects: [
    { name: 'wordpress-6.2', use: { wpBranch: '6.2' } as object },
    { name: 'wordpress-newest', use: { wpBranch: 'newest' } as object },
  ],
});
