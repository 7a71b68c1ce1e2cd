// The example game's view: draws the entities of this node's snapshots, steers the player, asks WhereIs on click.
import { connect } from '/packets/client.js';

const canvas = document.getElementById('world');
const ctx = canvas.getContext('2d');
const $ = (id) => document.getElementById(id);
const client = await connect(location.origin);
const COLORS = { 'node-1': '#5ab4ff', 'node-2': '#ffb45a', 'node-3': '#8ee06a' };

// a response that is a packet arrives dehydrated: ['Joined', {entity, node, world}]
const name = `web-${Math.floor(Math.random() * 1000)}`;
let me;
async function join() {
  [, me] = await client.send(['Join', { name }]);
  $('node').textContent = me.node;
  $('me').textContent = `entity ${me.entity}`;
}
await join();
// back after a drop: a recovered session still has its entity; a new one (or one now on another node) joins again
client.on('reconnect', ({ recovered }) => { if (!recovered) join(); });
const scale = canvas.width / me.world;
let spots = new Map();
let frame = [];
let tick = 0;
let heading = 0;
let speed = 0;

client.accept('Tick', (t) => { tick = t.tick; $('tick').textContent = t.tick; spots = new Map(frame.map((s) => [s.entity, s])); frame = []; });
client.accept('Spots', (s) => { frame.push(...s.spots); });

function draw() {
  ctx.fillStyle = '#151a22';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const s of spots.values()) {
    const x = (s.x / 64) * scale;
    const y = (s.y / 64) * scale;
    const mine = s.entity === me.entity;
    ctx.fillStyle = mine ? '#ffffff' : COLORS[me.node] ?? '#aaa';
    ctx.beginPath();
    ctx.arc(x, y, mine ? 6 : 4, 0, 2 * Math.PI);
    ctx.fill();
    const a = (s.heading / 256) * 2 * Math.PI;
    ctx.strokeStyle = ctx.fillStyle;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + Math.cos(a) * 9, y + Math.sin(a) * 9);
    ctx.stroke();
  }
  $('count').textContent = spots.size;
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);

// steering: arrows or WASD
const keys = new Set();
addEventListener('keydown', (e) => { keys.add(e.key.toLowerCase()); steer(); });
addEventListener('keyup', (e) => { keys.delete(e.key.toLowerCase()); steer(); });
function steer() {
  const dx = (keys.has('arrowright') || keys.has('d')) - (keys.has('arrowleft') || keys.has('a'));
  const dy = (keys.has('arrowdown') || keys.has('s')) - (keys.has('arrowup') || keys.has('w'));
  speed = dx || dy ? 80 : 0;
  if (dx || dy) heading = Math.atan2(dy, dx);
  client.send(['Input', { entity: me.entity, heading, speed }]).catch((e) => {
    $('answer').textContent = `refused: ${e.code} ${e.reason}`;
    if (e.code === 401) join();
  });
}

// click an entity: WhereIs, and which node answered
canvas.addEventListener('click', async (e) => {
  const rect = canvas.getBoundingClientRect();
  const px = e.clientX - rect.left;
  const py = e.clientY - rect.top;
  let best = null;
  let bestD = 15;
  for (const s of spots.values()) {
    const d = Math.hypot((s.x / 64) * scale - px, (s.y / 64) * scale - py);
    if (d < bestD) { best = s; bestD = d; }
  }
  if (!best) return;
  const started = performance.now();
  const answer = await client.send(['WhereIs', { entity: best.entity }]);
  const where = answer && answer[1];
  const ms = performance.now() - started;
  $('rtt').textContent = `${ms.toFixed(1)} ms`;
  $('answer').textContent = where
    ? `entity ${where.entity} is at ${where.x.toFixed(1)}, ${where.y.toFixed(1)}, simulated by ${where.node}`
    : `nobody simulates entity ${best.entity}`;
  $('answer').dataset.node = where ? where.node : '';
});

// overlay: packets/s, bytes/s, round trip
let last = { ...client.stats, t: performance.now() };
setInterval(async () => {
  const now = { ...client.stats, t: performance.now() };
  const dt = (now.t - last.t) / 1000;
  $('pps').textContent = Math.round((now.packetsIn + now.packetsOut - last.packetsIn - last.packetsOut) / dt);
  $('bps').textContent = Math.round((now.bytesIn + now.bytesOut - last.bytesIn - last.bytesOut) / dt);
  last = now;
  const started = performance.now();
  await client.send(['WhereIs', { entity: me.entity }]);
  if (!$('answer').dataset.node) $('rtt').textContent = `${(performance.now() - started).toFixed(1)} ms`;
}, 1000);
window.game = { get spots() { return [...spots.values()]; }, me, scale };
window.gameReady = true;
