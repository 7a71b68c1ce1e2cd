// Receivers for the cluster broadcast benchmark: N socket.io-client websockets to one node, counting the broadcasts
// that arrive between two moments (epoch ms) and their publish-to-delivery latency (the payload's first 8 bytes: the
// send time in µs since the epoch, big-endian float64), in a histogram of 10 µs buckets.
// Usage: node clients.js <url> <sockets> <event>. Prints "ready" once connected, then reads "startMs endMs" on its
// standard input; prints JSON a second after the end.
'use strict';
const { io } = require('socket.io-client');

const [url, countArg, event] = process.argv.slice(2);
const count = Number(countArg);
let start = Infinity;
let end = -Infinity;
const BUCKET_US = 10;
const histogram = new Uint32Array(200_000); // up to 2 s
let deliveries = 0;
let disconnects = 0;
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;

function connect() {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on(event, (payload) => {
      const now = nowMicros();
      if (now < start * 1000 || now >= end * 1000) return;
      deliveries++;
      const sent = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).readDoubleBE(0);
      histogram[Math.min(histogram.length - 1, Math.max(0, Math.floor((now - sent) / BUCKET_US)))]++;
    });
    socket.on('disconnect', () => { disconnects++; });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

function percentile(p) {
  let total = 0;
  for (const n of histogram) total += n;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i];
    if (seen >= total * p) return (i + 0.5) * BUCKET_US;
  }
  return NaN;
}

(async () => {
  const sockets = [];
  for (let i = 0; i < count; i += 100) {
    sockets.push(...await Promise.all(Array.from({ length: Math.min(100, count - i) }, connect)));
  }
  console.log('ready');
  await new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) {
        [start, end] = text.trim().split(' ').map(Number);
        resolve();
      }
    });
  });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, end - Date.now()) + 1000));
  const buckets = {};
  histogram.forEach((n, i) => { if (n) buckets[i] = n; });
  console.log(JSON.stringify({ deliveries, seconds: (end - start) / 1000, p50us: Math.round(percentile(0.5)),
    p99us: Math.round(percentile(0.99)), disconnects, bucketUs: BUCKET_US, buckets }));
  sockets.forEach((s) => s.close());
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
