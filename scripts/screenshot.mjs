#!/usr/bin/env node
// Takes the README's screenshot: the app on the GoT sorting-32 example after a run, in split view.
// Usage: start the app (npm run dev -- --port 5310), then `node scripts/screenshot.mjs http://localhost:5310`.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://localhost:5173';
const browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(url);
await page.getByRole('button', { name: /^run$/i }).first().waitFor();
await page.getByRole('button', { name: /^run$/i }).first().click();
await page.getByText(/^Done/).first().waitFor({ timeout: 60_000 });
await page.waitForTimeout(1500);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
console.log('wrote docs/screenshot.png');
