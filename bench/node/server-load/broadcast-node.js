// The reference for the broadcast benchmark: Node's socket.io 4.8 `io.emit` of the benchmark's payload to every
// socket, <hz> times a second, while at least <connections> are connected.
// Usage: node broadcast-node.js <port> <hz> <connections> <event> <payloadHex>
'use strict';
const http = require('node:http');
const { Server } = require('socket.io');

const [port, hz, connections, event, payloadHex] = process.argv.slice(2);
const payload = Buffer.from(payloadHex, 'hex');
const server = http.createServer();
const io = new Server(server, { perMessageDeflate: false });
setInterval(() => { if (io.engine.clientsCount >= Number(connections)) io.emit(event, payload); }, 1000 / Number(hz));
server.listen(Number(port), '127.0.0.1', () => console.log(`node broadcast server on ${port}`));
