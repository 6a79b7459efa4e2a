import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import type { FieldOptions } from './test/e2e/support/fixtures.ts';

/**
 * End-to-end tests drive Debian's Chromium (`npx playwright install` cannot download browsers here; see
 * scripts/install-chromium.sh). Each worker starts the real demo server (lib/cli.js) on free ports.
 *
 * As deployed: the host page and the widget are on two different *sites* (site.test and widget.test, both mapped
 * to loopback by Chromium's host resolver), so the frame is a third-party context. Every test runs twice:
 *  - `cross-site`: Chromium as it comes (its test contexts, like incognito, deny a third-party frame's storage);
 *  - `storage-blocked`: third-party storage denied explicitly in every cross-origin frame (localStorage,
 *    sessionStorage and indexedDB throw SecurityError), as Safari, Firefox and Brave do, whatever Chromium's
 *    defaults become. A test in field.spec.ts checks the frame really has no storage of its own.
 */
export default defineConfig<FieldOptions>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--host-resolver-rules=MAP *.test 127.0.0.1'] },
    viewport: { width: 1280, height: 800 },
    trace: 'off',
  },
  projects: [
    { name: 'cross-site', use: { blockThirdPartyStorage: false }, testIgnore: 'quickstart.spec.ts' },
    { name: 'storage-blocked', use: { blockThirdPartyStorage: true }, testIgnore: 'quickstart.spec.ts' },
    // The README's quick start on a fresh copy of the tree (installs from scratch), once.
    { name: 'quickstart', testMatch: 'quickstart.spec.ts' },
  ],
});
