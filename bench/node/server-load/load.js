// Load: C clients in this process, each sending a small binary packet with an ack and waiting for it, for S seconds
// after a 2 s warm-up. Prints {acks, latencies: [µs...] sample summary} as JSON.
// Usage: node load.js <url> <clients> <seconds> <event> <payloadHex>
'use strict';
const { io } = require('socket.io-client');

const [url, clientsArg, secondsArg, event, payloadHex] = process.argv.slice(2);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
const payload = Buffer.from(payloadHex, 'hex');
const latencies = [];
let acks = 0;
let measuring = false;
let running = true;

function client() {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

function loop(socket) {
  const started = process.hrtime.bigint();
  socket.emit(event, payload, () => {
    if (measuring) {
      acks++;
      latencies.push(Number(process.hrtime.bigint() - started) / 1000);
    }
    if (running) loop(socket);
  });
}

(async () => {
  const sockets = await Promise.all(Array.from({ length: clients }, client));
  sockets.forEach(loop);
  await new Promise((r) => setTimeout(r, 2000));
  measuring = true;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  running = false;
  const elapsed = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  console.log(JSON.stringify({ acks, elapsed, p50: q(0.5), p99: q(0.99), p999: q(0.999), sample: latencies.length }));
  sockets.forEach((s) => s.close());
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
