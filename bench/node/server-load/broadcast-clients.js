// The broadcast benchmark's receivers: N idle connections (Socket.IO, or the packets lane with `lane`) that count
// every packet pushed to them, and write the running count to <file> every 100 ms ("<count>").
// Usage: node broadcast-clients.js <url> <n> <lane|socket.io> <file>
'use strict';
const fs = require('node:fs');
const { io } = require('socket.io-client');
const WebSocket = require('ws');
const [url, n, way, file] = process.argv.slice(2);
let received = 0;
let open = 0;

function socketIo() {
  return new Promise((resolve) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    s.onAny(() => { received++; });
    s.on('connect', () => { open++; resolve(); });
    s.on('connect_error', resolve);
  });
}

function lane() {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/packets/lane', 'packets.1', { perMessageDeflate: false });
    ws.on('open', () => ws.send(JSON.stringify(['packets:hello', {}])));
    ws.on('message', (data, binary) => {
      if (binary) received++;
      else { open++; resolve(); }
    });
    ws.on('error', resolve);
  });
}

(async () => {
  for (let i = 0; i < Number(n); i++) await (way === 'lane' ? lane() : socketIo());
  console.log(`open ${open}`);
  // written whole and renamed into place: a reader never sees a half-written count
  setInterval(() => { fs.writeFileSync(`${file}.tmp`, String(received)); fs.renameSync(`${file}.tmp`, file); }, 100);
})();
