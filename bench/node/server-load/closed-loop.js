// What load.js and lane-load.js share: C connected clients, each in a closed loop of one request and its answer, a
// 2 s warm-up, then S seconds measured. Prints {acks, elapsed, p50, p99, p999, sample} as JSON (latencies in µs) and
// exits. `connect()` resolves to a client; `request(client, answered)` sends one request and calls `answered()` when
// its answer comes; `close(client)` lets it go.
'use strict';

async function closedLoop({ clients, seconds, connect, request, close }) {
  const latencies = [];
  let measuring = false;
  let running = true;
  const sockets = await Promise.all(Array.from({ length: clients }, connect));
  for (const socket of sockets) {
    const next = () => {
      const started = process.hrtime.bigint();
      request(socket, () => {
        if (measuring) latencies.push(Number(process.hrtime.bigint() - started) / 1000);
        if (running) next();
      });
    };
    next();
  }
  await new Promise((r) => setTimeout(r, 2000));
  measuring = true;
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  running = false;
  const elapsed = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  console.log(JSON.stringify({ acks: latencies.length, elapsed, p50: q(0.5), p99: q(0.99), p999: q(0.999),
    sample: latencies.length }));
  sockets.forEach(close);
  process.exit(0);
}

module.exports = (options) => closedLoop(options).catch((e) => { console.error(e); process.exit(1); });
