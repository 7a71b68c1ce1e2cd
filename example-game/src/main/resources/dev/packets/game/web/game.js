// The example game's view: the whole world as every node sees it (each entity coloured by the node that simulates
// it, a ring where one was handed over), the player steered with the keys and moved to another node when it walks
// over a border (a Redirect, followed without reloading), WhereIs on click, chat from every node, and each node's
// traffic. No build step: packets-js comes from the server at /packets/client.js.
import { connect } from '/packets/client.js';

const COLORS = ['#5ab4ff', '#ffb45a', '#8ee06a', '#e07ad8', '#f2e05a', '#5ae0d0', '#ff6a6a', '#b09aff'];
const color = (node) => COLORS[(node - 1) % COLORS.length];
const REGION = 1000;
const SCALE = 8; // Spots carry x and y in 1/8 units
const FLASH_MS = 700;
const isPlayer = (id) => id % 100000 >= 50000;

const canvas = document.getElementById('world');
const ctx = canvas.getContext('2d');
const chart = document.getElementById('chart');
const cctx = chart.getContext('2d');
const $ = (id) => document.getElementById(id);
const client = await connect(location.origin);
const name = `web-${Math.floor(Math.random() * 1000)}`;

let me;
function joined(j) {
  me = j;
  $('node').innerHTML = `<span class="swatch" style="background:${color(number(j.node))}"></span>${j.node}`;
  $('me').textContent = `${j.name}, entity ${j.entity}`;
}
const number = (node) => Number(String(node).replace('node-', ''));
async function join() {
  const [, j] = await client.send(['Join', { name, world: true }]);
  joined(j);
}
await join();
// a move to another node: the node we left sends Redirect, the one we reach sends Joined
let moves = 0;
client.accept('Redirect', ({ location: to }) => { moves++; $('node').textContent = `moving to ${new URL(to).host}…`; client.moveTo(to); });
client.accept('Joined', (j) => joined(j));
// back after a drop: a recovered session still has its entity; a new one joins again
client.on('reconnect', ({ recovered }) => { if (!recovered) join(); });

const scale = canvas.width / me.width;
canvas.height = Math.round(me.height * scale);
let spots = new Map(); // id -> {x, y, heading, node}
let frame = [];
const owners = new Map(); // id -> node, to see hand-offs
const flashes = new Map(); // id -> when its owner changed
let handoffsSeen = 0;

client.accept('Tick', (t) => {
  $('tick').textContent = `${t.tick} (${t.node})`;
  const now = performance.now();
  const next = new Map();
  for (const s of frame) {
    next.set(s.entity, s);
    const before = owners.get(s.entity);
    if (before !== undefined && before !== s.node) { flashes.set(s.entity, now); handoffsSeen++; }
    owners.set(s.entity, s.node);
  }
  spots = next;
  frame = [];
});
client.accept('Spots', (s) => { for (const spot of s.spots) frame.push({ ...spot, node: s.node }); });

function draw() {
  ctx.fillStyle = '#151a22';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const regions = Math.round(me.width / REGION);
  const mine = number(me.node);
  for (let r = 0; r < regions; r++) {
    ctx.fillStyle = color(r + 1);
    ctx.globalAlpha = r + 1 === mine ? 0.12 : 0.05;
    ctx.fillRect(r * REGION * scale, 0, REGION * scale, canvas.height);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#8a93a6';
    ctx.fillText(`node-${r + 1}${r + 1 === mine ? ' (yours)' : ''}`, r * REGION * scale + 6, 14);
    if (r > 0) {
      ctx.strokeStyle = '#3a4456';
      ctx.setLineDash([4, 4]);
      ctx.beginPath();
      ctx.moveTo(r * REGION * scale, 0);
      ctx.lineTo(r * REGION * scale, canvas.height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
  if (mine) {
    ctx.strokeStyle = color(mine);
    ctx.lineWidth = 2;
    ctx.strokeRect((mine - 1) * REGION * scale + 1, 1, REGION * scale - 2, canvas.height - 2);
    ctx.lineWidth = 1;
  }
  const now = performance.now();
  for (const s of spots.values()) {
    const x = (s.x / SCALE) * scale;
    const y = (s.y / SCALE) * scale;
    const self = s.entity === me.entity;
    ctx.fillStyle = self ? '#ffffff' : color(s.node);
    ctx.beginPath();
    ctx.arc(x, y, self ? 5 : isPlayer(s.entity) ? 4 : 2.5, 0, 2 * Math.PI);
    ctx.fill();
    if (self || isPlayer(s.entity)) {
      ctx.strokeStyle = color(s.node);
      ctx.beginPath();
      ctx.arc(x, y, self ? 9 : 7, 0, 2 * Math.PI);
      ctx.stroke();
    }
    const since = flashes.get(s.entity);
    if (since !== undefined) {
      const age = (now - since) / FLASH_MS;
      if (age >= 1) flashes.delete(s.entity);
      else {
        ctx.strokeStyle = '#ffffff';
        ctx.globalAlpha = 1 - age;
        ctx.beginPath();
        ctx.arc(x, y, 3 + age * 12, 0, 2 * Math.PI);
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
    }
  }
  $('count').textContent = `${spots.size} entities, ${handoffsSeen} hand-offs seen`;
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);

// steering: arrows or WASD
const keys = new Set();
addEventListener('keydown', (e) => { if (e.target.tagName !== 'INPUT') { keys.add(e.key.toLowerCase()); steer(); } });
addEventListener('keyup', (e) => { keys.delete(e.key.toLowerCase()); steer(); });
function steer() {
  const dx = (keys.has('arrowright') || keys.has('d')) - (keys.has('arrowleft') || keys.has('a'));
  const dy = (keys.has('arrowdown') || keys.has('s')) - (keys.has('arrowup') || keys.has('w'));
  const speed = dx || dy ? 80 : 0;
  const heading = dx || dy ? Math.atan2(dy, dx) : 0;
  client.send(['Input', { entity: me.entity, heading, speed }]).catch((e) => {
    if (e.code === 503) return; // on the way to another node
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
  let bestD = 12;
  for (const s of spots.values()) {
    const d = Math.hypot((s.x / SCALE) * scale - px, (s.y / SCALE) * scale - py);
    if (d < bestD) { best = s; bestD = d; }
  }
  if (!best) return;
  const started = performance.now();
  try {
    const [, where] = await client.send(['WhereIs', { entity: best.entity }]);
    $('rtt').textContent = `${(performance.now() - started).toFixed(1)} ms`;
    $('answer').innerHTML = where
      ? `entity ${where.entity} is at ${where.x.toFixed(1)}, ${where.y.toFixed(1)}, simulated by `
        + `<span class="swatch" style="background:${color(number(where.node))}"></span>${where.node}`
      : `nobody simulates entity ${best.entity}`;
    $('answer').dataset.node = where ? where.node : '';
  } catch (error) {
    $('answer').textContent = `entity ${best.entity}: ${error.code} ${error.reason}`;
  }
});

// chat from every node
client.accept('Chat', (c) => {
  const p = document.createElement('p');
  const who = document.createElement('b');
  who.textContent = `${c.from}: `;
  p.append(who, document.createTextNode(c.text));
  $('chat').append(p);
  while ($('chat').children.length > 100) $('chat').firstChild.remove();
  $('chat').scrollTop = $('chat').scrollHeight;
});
$('say').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('line').value.trim();
  if (!text) return;
  client.send(['Chat', { from: '', text, meta: {} }]).then(() => { $('line').value = ''; },
    (error) => { $('answer').textContent = `chat refused: ${error.code} ${error.reason}`; });
});

// every node's numbers, once a second, and a chart of their packets/s
const history = new Map(); // node name -> [packets/s, ...] (last 60)
let nodes = [];
client.accept('Nodes', ({ nodes: list }) => {
  nodes = list;
  for (const n of list) {
    const h = history.get(n.name) ?? [];
    h.push(n.packetsIn + n.packetsOut);
    if (h.length > 60) h.shift();
    history.set(n.name, h);
  }
  $('nodes').innerHTML = '';
  for (const n of list) {
    const tr = document.createElement('tr');
    if (n.name === me.node) tr.className = 'mine';
    const cells = [n.name, n.entities, n.players, n.packetsIn, n.packetsOut, (n.bytesIn / 1024).toFixed(1),
      (n.bytesOut / 1024).toFixed(1), n.handoffs];
    for (const [i, v] of cells.entries()) {
      const td = document.createElement('td');
      if (i === 0) td.innerHTML = `<span class="swatch" style="background:${color(number(v))}"></span>`;
      td.append(String(v));
      tr.append(td);
    }
    $('nodes').append(tr);
  }
  drawChart();
});
function drawChart() {
  cctx.fillStyle = '#151a22';
  cctx.fillRect(0, 0, chart.width, chart.height);
  let max = 1;
  for (const h of history.values()) for (const v of h) max = Math.max(max, v);
  cctx.fillStyle = '#8a93a6';
  cctx.fillText(`${max}`, 4, 10);
  for (const [node, h] of history) {
    cctx.strokeStyle = color(number(node));
    cctx.beginPath();
    h.forEach((v, i) => {
      const x = chart.width - (h.length - 1 - i) * (chart.width / 59);
      const y = chart.height - 2 - (v / max) * (chart.height - 14);
      if (i === 0) cctx.moveTo(x, y); else cctx.lineTo(x, y);
    });
    cctx.stroke();
  }
}

// this client's own traffic and round trip
let last = { ...client.stats, t: performance.now() };
setInterval(async () => {
  const now = { ...client.stats, t: performance.now() };
  const dt = (now.t - last.t) / 1000;
  $('pps').textContent = Math.round((now.packetsIn + now.packetsOut - last.packetsIn - last.packetsOut) / dt);
  $('bps').textContent = Math.round((now.bytesIn + now.bytesOut - last.bytesIn - last.bytesOut) / dt);
  last = now;
  const started = performance.now();
  try {
    await client.send(['WhereIs', { entity: me.entity }]);
    if (!$('answer').dataset.node) $('rtt').textContent = `${(performance.now() - started).toFixed(1)} ms`;
  } catch { /* moving */ }
}, 1000);
window.game = {
  get spots() { return [...spots.values()]; }, get me() { return me; }, scale, get moves() { return moves; },
  get nodes() { return nodes; }, colors: COLORS,
};
window.gameReady = true;
