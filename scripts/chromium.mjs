/**
 * Debian's Chromium as the tests and the bench launch it (Playwright's own browser download does not work here;
 * scripts/install-chromium.sh installs this one). Shared by playwright.config.ts, scripts/test.mjs and bench/lib/browser.mjs.
 */

/** The binary: `CHROMIUM_PATH`, or Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run as root on a machine without a GPU or an outside network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
