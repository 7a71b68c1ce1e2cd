// The reference: Node's socket.io 4.8 acking every event, as the Java server acks a packet.
// Usage: node --expose-gc node-server.js <port>   (GET /heap → heap used after a full GC, in bytes)
'use strict';
const http = require('node:http');
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  if (req.url === '/heap') {
    global.gc(); global.gc();
    res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, connections: io.engine.clientsCount }));
  } else { res.statusCode = 404; res.end(); }
});
const io = new Server(server, { perMessageDeflate: false, maxHttpBufferSize: 1 << 20 });
io.on('connection', (socket) => {
  // what the packets server says once a socket may send, so that the Java client (PacketClient) connects here too
  socket.emit('packets:ready', { fingerprint: 'node' });
  socket.onAny((event, ...args) => {
    const ack = args[args.length - 1];
    if (typeof ack === 'function') ack(null, 'ok');
  });
});
server.listen(port, '127.0.0.1', () => console.log(`node server on ${port}`));
