// The anchor of the cluster broadcast benchmark: a socket.io 4.8 node with @socket.io/redis-adapter 8.3. The
// broadcasting node emits the same 12-byte stamp (send time in µs, big-endian float64, then a sequence number) to
// every socket of the cluster from warmUp ms before start until end, rate a second (0: as fast as it can).
// Usage: node anchor.js <redisPort> <port> [broadcast]. Prints "ready"; a broadcaster reads "startMs endMs rate" on
// its standard input ("startMs endMs rate warmUpMs"), and prints {sent} when it is done.
'use strict';
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

const [redisPort, port, role] = process.argv.slice(2);

function command() {
  return new Promise((resolve) => {
    let text = '';
    process.stdin.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim().split(' ').map(Number));
    });
  });
}

(async () => {
  const pub = createClient({ url: `redis://127.0.0.1:${redisPort}` });
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  const io = new Server(Number(port), { adapter: createAdapter(pub, sub), transports: ['websocket'] });
  console.log('ready');
  if (role !== 'broadcast') return;
  const [start, end, rate, warmUp] = await command();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, start - warmUp - Date.now())));
  let sent = 0;
  const stamp = () => {
    const payload = Buffer.alloc(12);
    payload.writeDoubleBE((performance.timeOrigin + performance.now()) * 1000, 0);
    payload.writeInt32BE(sent, 8);
    io.emit('stamp', payload);
    sent++;
  };
  await new Promise((resolve) => {
    if (rate > 0) {
      const interval = 1000 / rate;
      let next = Date.now();
      const tick = () => {
        if (Date.now() >= end) return resolve();
        stamp();
        next += interval;
        setTimeout(tick, Math.max(0, next - Date.now()));
      };
      tick();
    } else {
      const burst = () => {
        if (Date.now() >= end) return resolve();
        for (let i = 0; i < 10; i++) stamp();
        setImmediate(burst);
      };
      burst();
    }
  });
  console.log(JSON.stringify({ sent }));
})().catch((e) => { console.error(e); process.exit(1); });
