import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { proxyServerEnv } from './e2e/support/proxyEnv';

const chromium = '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 5199);

/** Chromium e2e tests against the Vite dev server (Debian's Chromium when present). */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 720 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: existsSync(chromium) ? { executablePath: chromium } : {},
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, ...(existsSync(chromium) ? { launchOptions: { executablePath: chromium } } : {}) } }],
  webServer: {
    command: `npx vite --configLoader runner --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    // The same-origin proxy (/api/llm) forwards to this dev server's own simulator endpoint, with a key only the server holds.
    env: proxyServerEnv(PORT),
  },
});
