// Churn: holds N packets lane connections and replaces R of them a second (closes one, opens a new one), for S
// seconds; prints {opened, closed, failed} at the end. Usage: node churn.js <url> <n> <perSecond> <seconds>
'use strict';
const WebSocket = require('ws');
const [url, n, perSecond, seconds] = process.argv.slice(2).map((v, i) => (i === 0 ? v : Number(v)));
const target = url.replace(/^http/, 'ws') + '/packets/lane';
const open = [];
let opened = 0;
let closed = 0;
let failed = 0;

function connect() {
  return new Promise((resolve) => {
    const ws = new WebSocket(target, 'packets.1', { perMessageDeflate: false });
    ws.on('open', () => ws.send(JSON.stringify(['packets:hello', {}])));
    ws.on('message', () => { opened++; resolve(ws); });
    ws.on('error', () => { failed++; resolve(null); });
  });
}

(async () => {
  for (let i = 0; i < n; i++) { const ws = await connect(); if (ws) open.push(ws); }
  console.log(`open ${open.length}`);
  const end = Date.now() + seconds * 1000;
  const perTick = perSecond / 100;
  let owed = 0;
  while (Date.now() < end) {
    owed += perTick;
    const batch = [];
    for (; owed >= 1; owed--) {
      const i = Math.floor(Math.random() * open.length);
      const old = open[i];
      old.close(1000);
      closed++;
      batch.push(connect().then((ws) => { open[i] = ws ?? old; }));
    }
    await Promise.all([...batch, new Promise((r) => setTimeout(r, 10))]);
  }
  console.log(JSON.stringify({ opened, closed, failed, open: open.length }));
  process.exit(0);
})();
