// Opens N idle websocket connections and holds them until killed. Usage: node idle.js <url> <n>
'use strict';
const { io } = require('socket.io-client');
const [url, n] = process.argv.slice(2);
let open = 0;
(async () => {
  for (let i = 0; i < Number(n); i++) {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise((resolve) => { s.on('connect', () => { open++; resolve(); }); s.on('connect_error', resolve); });
  }
  console.log(`open ${open}`);
})();
setInterval(() => {}, 1 << 30);
