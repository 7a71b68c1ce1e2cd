// Load on the packets lane (or on the `ws` floor server, which speaks just enough of it): C clients in this process,
// each sending a SEND frame (02 <ack> <id> <payload>) and waiting for its answer, for S seconds after a 2 s warm-up.
// Prints {acks, elapsed, p50, p99, p999, sample} as load.js does (latencies in µs).
// Usage: node lane-load.js <url> <clients> <seconds> <packetId> <payloadHex>
'use strict';
const WebSocket = require('ws');

const [url, clientsArg, secondsArg, idArg, payloadHex] = process.argv.slice(2);
const clients = Number(clientsArg);
const seconds = Number(secondsArg);
const packetId = Number(idArg);
const payload = Buffer.from(payloadHex, 'hex');
const latencies = [];
let acks = 0;
let measuring = false;
let running = true;

function varuint(value) {
  const out = [];
  while (value > 0x7f) { out.push((value & 0x7f) | 0x80); value >>>= 7; }
  out.push(value);
  return out;
}

function client() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/packets/lane', 'packets.1', { perMessageDeflate: false });
    ws.on('open', () => ws.send(JSON.stringify(['packets:hello', {}])));
    ws.on('message', (data, binary) => {
      if (!binary) { resolve(ws); return; } // packets:ready
      ws.answered();
    });
    ws.on('error', reject);
  });
}

function loop(ws) {
  let ack = 0;
  let started;
  const send = () => {
    ack = ack >= 0x7fffffff ? 1 : ack + 1;
    started = process.hrtime.bigint();
    ws.send(Buffer.concat([Buffer.from([2, ...varuint(ack), ...varuint(packetId)]), payload]));
  };
  ws.answered = () => {
    if (measuring) {
      acks++;
      latencies.push(Number(process.hrtime.bigint() - started) / 1000);
    }
    if (running) send();
  };
  send();
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
  sockets.forEach((s) => s.terminate());
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
