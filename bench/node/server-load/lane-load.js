// Load on the packets lane (or on the `ws` floor server, which speaks just enough of it): C clients in this process,
// each sending a SEND frame (02 <ack> <id> <payload>) and waiting for its answer, for S seconds after a 2 s warm-up
// (closed-loop.js). Prints {acks, elapsed, p50, p99, p999, sample} as load.js does (latencies in µs).
// Usage: node lane-load.js <url> <clients> <seconds> <packetId> <payloadHex>
'use strict';
const WebSocket = require('ws');
const closedLoop = require('./closed-loop');

const [url, clientsArg, secondsArg, idArg, payloadHex] = process.argv.slice(2);
const packetId = Number(idArg);
const payload = Buffer.from(payloadHex, 'hex');

function varuint(value) {
  const out = [];
  while (value > 0x7f) { out.push((value & 0x7f) | 0x80); value >>>= 7; }
  out.push(value);
  return out;
}

closedLoop({
  clients: Number(clientsArg),
  seconds: Number(secondsArg),
  connect: () => new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/packets/lane', 'packets.1', { perMessageDeflate: false });
    ws.ack = 0;
    ws.on('open', () => ws.send(JSON.stringify(['packets:hello', {}])));
    ws.on('message', (data, binary) => {
      if (!binary) { resolve(ws); return; } // packets:ready
      ws.answered();
    });
    ws.on('error', reject);
  }),
  request: (ws, answered) => {
    ws.ack = ws.ack >= 0x7fffffff ? 1 : ws.ack + 1;
    ws.answered = answered;
    ws.send(Buffer.concat([Buffer.from([2, ...varuint(ws.ack), ...varuint(packetId)]), payload]));
  },
  close: (ws) => ws.terminate(),
});
