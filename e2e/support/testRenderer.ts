// Serves the test build of the renderer (dist/renderer-test, built by `npm run build`) in place of
// the production bundle, through Playwright's own routing: only that build registers live terminals
// on globalThis.__warroomTerminals, which the terminal specs and the bench read buffers from.
// The host still serves everything else (RPC, sync); the production bundle stays free of hooks.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

const TEST_RENDERER_DIR = path.resolve('dist', 'renderer-test');

/**
 * A page Playwright fulfilled has no network address of its own, so Chromium's local network
 * access checks would block its WebSockets to the loopback host; specs that load the test build
 * launch Chromium without those checks (`test.use({ launchOptions: TEST_RENDERER_LAUNCH })`).
 */
export const TEST_RENDERER_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks'],
};

export async function useTestRenderer(page: Page, hostUrl: string): Promise<void> {
  if (!existsSync(path.join(TEST_RENDERER_DIR, 'index.html'))) {
    throw new Error(`${TEST_RENDERER_DIR}/index.html is missing: run \`npm run build\`, which builds the test renderer beside the production one.`);
  }
  const origin = new URL(hostUrl).origin;
  await page.route(`${origin}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    const file = path.join(TEST_RENDERER_DIR, pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1)));
    if (!file.startsWith(TEST_RENDERER_DIR + path.sep) || !existsSync(file) || statSync(file).isDirectory()) return route.continue();
    // The asset names differ from the production build's, so the host would answer 404 for them:
    // the file is served with its own content type, and the page keeps the host's security headers.
    const hostHeaders = (await route.fetch()).headers();
    const headers = Object.fromEntries(Object.entries(hostHeaders).filter(([name]) => name.startsWith('content-security-policy') || name.startsWith('x-')));
    await route.fulfill({ path: file, headers });
  });
}
