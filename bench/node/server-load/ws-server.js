// The floor of a JavaScript stack: a Node `ws` 8 server that answers each binary message with a binary message, the
// lane's VALUE frame for the SEND it got (04 <ack> "ok"), and its hello with a ready text frame; nothing else (no
// codec, no acceptor, no limits). Usage: node --expose-gc ws-server.js <port>   (GET /heap as node-server.js)
'use strict';
const http = require('node:http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  if (req.url === '/heap') {
    global.gc(); global.gc();
    res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, connections: wss.clients.size }));
  } else { res.statusCode = 404; res.end(); }
});
const OK = Buffer.from('"ok"');
const wss = new WebSocketServer({ server, path: '/packets/lane', perMessageDeflate: false,
  handleProtocols: (protocols) => (protocols.has('packets.1') ? 'packets.1' : false) });
wss.on('connection', (ws) => {
  ws.on('message', (data, binary) => {
    if (!binary) { ws.send('["packets:ready",{"fingerprint":"ws"}]'); return; }
    // the ack id's varuint, as it came, after the kind byte
    let end = 1;
    while (data[end] & 0x80) end++;
    ws.send(Buffer.concat([Buffer.from([4]), data.subarray(1, end + 1), OK]));
  });
});
server.listen(port, '127.0.0.1', () => console.log(`ws server on ${port}`));
