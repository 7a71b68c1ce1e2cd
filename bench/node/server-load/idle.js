// Opens N idle connections and holds them until killed: Socket.IO ones, or with `lane` packets lane ones (each
// says hello and waits for packets:ready). Usage: node idle.js <url> <n> [lane]
'use strict';
const { io } = require('socket.io-client');
const WebSocket = require('ws');
const [url, n, way] = process.argv.slice(2);
let open = 0;
const held = [];

function socketIo() {
  return new Promise((resolve) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    held.push(s);
    s.on('connect', () => { open++; resolve(); });
    s.on('connect_error', resolve);
  });
}

function lane() {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/packets/lane', 'packets.1', { perMessageDeflate: false });
    held.push(ws);
    ws.on('open', () => ws.send(JSON.stringify(['packets:hello', {}])));
    ws.on('message', () => { open++; resolve(); });
    ws.on('error', resolve);
  });
}

(async () => {
  for (let i = 0; i < Number(n); i++) await (way === 'lane' ? lane() : socketIo());
  console.log(`open ${open}`);
})();
setInterval(() => {}, 1 << 30);
