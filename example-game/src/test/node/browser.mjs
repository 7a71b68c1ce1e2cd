// Opens the game page in headless Chromium, checks that entities are drawn (pixels change between frames), clicks
// one, and waits for the WhereIs answer naming its node. Usage: node browser.mjs <port> <screenshot.png>
// With TRUST_SPKI set (the base64 SHA-256 of a test certificate's public key) the page is opened over https, the
// browser trusting that certificate through Chromium's --ignore-certificate-errors-spki-list.
import { chromium } from 'playwright-core';

const [port, screenshot] = process.argv.slice(2);
const spki = process.env.TRUST_SPKI;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : [])],
});
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  page.on('console', (m) => console.log(`page: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${spki ? 'https' : 'http'}://127.0.0.1:${port}/game/`);
  if (spki) console.log(`over ${await page.evaluate(() => location.protocol)} with a trusted test certificate`);
  await page.waitForFunction(() => window.gameReady && window.game.spots.length > 0, null, { timeout: 15000 });
  const first = await page.evaluate(() => document.getElementById('world').toDataURL());
  await page.waitForTimeout(300);
  const second = await page.evaluate(() => document.getElementById('world').toDataURL());
  if (first === second) throw new Error('the canvas did not change between frames');
  console.log('canvas changes between frames');
  const target = await page.evaluate(() => {
    const s = window.game.spots.find((x) => x.entity !== window.game.me.entity);
    return { entity: s.entity, x: (s.x / 64) * window.game.scale, y: (s.y / 64) * window.game.scale };
  });
  const box = await page.locator('#world').boundingBox();
  await page.mouse.click(box.x + target.x, box.y + target.y);
  await page.waitForFunction(() => /simulated by node-\d/.test(document.getElementById('answer').textContent),
    null, { timeout: 10000 });
  const answer = await page.textContent('#answer');
  console.log(`answer: ${answer}`);
  await page.screenshot({ path: screenshot });
  console.log('browser ok');
} finally {
  await browser.close();
}
