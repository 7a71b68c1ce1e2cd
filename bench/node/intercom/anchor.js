// The anchor: three Node processes share one Redis through @socket.io/redis-adapter; process 1 asks with
// serverSideEmitWithAck, the two others answer. Usage:
//   node anchor.js <redisPort> answer            (prints "ready")
//   node anchor.js <redisPort> ask <inflight> <seconds>   (prints one JSON line)
'use strict';
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

const [port, role, inflightArg, secondsArg] = process.argv.slice(2);

(async () => {
  const pub = createClient({ url: `redis://127.0.0.1:${port}` });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const io = new Server({ adapter: createAdapter(pub, sub) });
  if (role === 'answer') {
    io.on('where', (entity, callback) => callback({ entity, x: 1.5, y: 2 }));
    console.log('ready');
    return;
  }
  await new Promise((r) => setTimeout(r, 500));
  const inflight = Number(inflightArg);
  const seconds = Number(secondsArg);
  const latencies = [];
  let measuring = false;
  let running = true;
  let answered = 0;
  const worker = async () => {
    while (running) {
      const t0 = process.hrtime.bigint();
      const answers = await io.serverSideEmitWithAck('where', 7);
      if (measuring) {
        latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
        answered += answers.length;
      }
    }
  };
  const workers = Array.from({ length: inflight }, worker);
  await new Promise((r) => setTimeout(r, 2000));
  measuring = true;
  const start = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  const elapsed = (Date.now() - start) / 1000;
  running = false;
  await Promise.allSettled(workers);
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  console.log(JSON.stringify({ name: 'socket.io-redis-adapter', inflight, asksPerSec: Math.round(latencies.length / elapsed),
    p50us: Math.round(q(0.5)), p99us: Math.round(q(0.99)), p999us: Math.round(q(0.999)), answersPerAsk: +(answered / latencies.length).toFixed(2) }));
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
