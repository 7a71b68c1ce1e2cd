// Load: C clients in this process, each sending a small binary packet with an ack and waiting for it, for S seconds
// after a 2 s warm-up (closed-loop.js). Prints {acks, elapsed, p50, p99, p999, sample} as JSON.
// Usage: node load.js <url> <clients> <seconds> <event> <payloadHex>
'use strict';
const { io } = require('socket.io-client');
const closedLoop = require('./closed-loop');

const [url, clientsArg, secondsArg, event, payloadHex] = process.argv.slice(2);
const payload = Buffer.from(payloadHex, 'hex');

closedLoop({
  clients: Number(clientsArg),
  seconds: Number(secondsArg),
  connect: () => new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  }),
  request: (socket, answered) => socket.emit(event, payload, answered),
  close: (socket) => socket.close(),
});
