// Opens the game page in headless Chromium and checks, printing each: entities are drawn (pixels change between
// frames) in every node's colour; a click on an entity of another node is answered with its owner; chat from a bot
// on another node shows; and, walking east over the border (the test has put the player next to it), the page
// follows the Redirect to the next node without reloading.
// Usage: node browser.mjs <port> <screenshot.png> [walk]
// With TRUST_SPKI set (the base64 SHA-256 of a test certificate's public key) the page is opened over https, the
// browser trusting that certificate through Chromium's --ignore-certificate-errors-spki-list.
import { chromium } from 'playwright-core';

const [port, screenshot, walk] = process.argv.slice(2);
const spki = process.env.TRUST_SPKI;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', ...(spki ? [`--ignore-certificate-errors-spki-list=${spki}`] : [])],
});
try {
  const page = await browser.newPage({ viewport: { width: 1640, height: 760 } });
  page.on('console', (m) => console.log(`page: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
  await page.goto(`${spki ? 'https' : 'http'}://127.0.0.1:${port}/game/`);
  if (spki) console.log(`over ${await page.evaluate(() => location.protocol)} with a trusted test certificate`);
  await page.waitForFunction(() => window.gameReady && window.game.spots.length > 0, null, { timeout: 15000 });
  await page.evaluate(() => { window.notReloaded = true; });
  const first = await page.evaluate(() => document.getElementById('world').toDataURL());
  await page.waitForTimeout(300);
  const second = await page.evaluate(() => document.getElementById('world').toDataURL());
  if (first === second) throw new Error('the canvas did not change between frames');
  console.log('canvas changes between frames');

  // pixels of each node's colour
  const nodes = await page.evaluate(() => new Set(window.game.spots.map((s) => s.node)).size);
  const counts = await page.evaluate((n) => {
    const c = document.getElementById('world');
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const rgb = window.game.colors.slice(0, n).map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const out = rgb.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      rgb.forEach(([r, g, b], k) => {
        if (Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8) out[k]++;
      });
    }
    return out;
  }, nodes);
  console.log(`pixels by node: ${counts.map((c, i) => `node-${i + 1}=${c}`).join(' ')}`);

  // a click on a wanderer of another node
  const target = await page.evaluate(() => {
    const mine = Number(window.game.me.node.replace('node-', ''));
    const wanderers = window.game.spots.filter((x) => x.entity % 100000 < 50000);
    const s = wanderers.find((x) => x.node !== mine) ?? wanderers[0];
    return { entity: s.entity, node: s.node, x: (s.x / 8) * window.game.scale, y: (s.y / 8) * window.game.scale };
  });
  const box = await page.locator('#world').boundingBox();
  await page.mouse.click(box.x + target.x, box.y + target.y);
  await page.waitForFunction(() => /simulated by/.test(document.getElementById('answer').textContent),
    null, { timeout: 10000 });
  console.log(`clicked entity ${target.entity} of node-${target.node}`);
  console.log(`answer: ${await page.textContent('#answer')}`);

  if (walk) {
    await page.waitForFunction(() => /bot-/.test(document.getElementById('chat').textContent), null,
      { timeout: 20000 });
    console.log(`chat: ${await page.textContent('#chat p')}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#nodes tr')].length >= 3, null,
      { timeout: 10000 });
    console.log(`nodes table: ${(await page.textContent('#nodes')).replace(/\s+/g, ' ')}`);
    const from = await page.evaluate(() => window.game.me.node);
    await page.keyboard.down('ArrowRight');
    await page.waitForFunction((was) => window.game.moves > 0 && window.game.me.node !== was, from,
      { timeout: 15000 });
    await page.keyboard.up('ArrowRight');
    const to = await page.evaluate(() => window.game.me.node);
    const kept = await page.evaluate(() => window.notReloaded === true);
    console.log(`walked from ${from} to ${to}${kept ? ' without a reload' : ' with a reload'}`);
    await page.waitForFunction(() => window.game.spots.some((s) => s.entity === window.game.me.entity), null,
      { timeout: 10000 });
    console.log(`drawn by ${to} as entity ${await page.evaluate(() => window.game.me.entity)}`);
  }
  await page.screenshot({ path: screenshot });
  console.log('browser ok');
} finally {
  await browser.close();
}
