// Opens a page in headless Chromium and prints the text of one element once it has changed from its placeholder.
// Usage: node page.mjs <url> <css selector> [placeholder=…]
import { chromium } from 'playwright-core';

const [url, selector, placeholder = '…'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(([s, p]) => { const e = document.querySelector(s); return e && e.textContent !== p; },
    [selector, placeholder], { timeout: 15000 });
  console.log(`page says: ${await page.textContent(selector)}`);
} finally {
  await browser.close();
}
