// Interop driver: the real socket.io-client and schemapack from npm against the Java PacketServer.
// Usage: node driver.js <port>. Prints one line per check and exits non-zero on the first failure.
'use strict';
const { io } = require('socket.io-client');
const schemapack = require('schemapack');
const assert = require('node:assert/strict');

const port = process.argv[2];
const base = `http://127.0.0.1:${port}`;

function withTimeout(promise, ms, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timeout: ${what}`)), ms))]);
}

function connect(transports, options = {}) {
  const socket = io(base, { transports, reconnection: false, forceNew: true, ...options });
  return withTimeout(new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  }), 5000, 'connect');
}

function ask(socket, event, ...args) {
  return withTimeout(new Promise((resolve) => socket.emit(event, ...args, (...ack) => resolve(ack))), 5000, `ack of ${event}`);
}

function varuint(n) {
  const out = [];
  while (n > 0x7f) { out.push((n & 0x7f) | 0x80); n >>>= 7; }
  out.push(n);
  return Buffer.from(out);
}

async function main() {
  const table = await (await fetch(`${base}/packets/schema.json`)).json();
  const ids = Object.fromEntries(table.packets.map((p) => [p.name, p.id]));
  // plain schemapack builds every packet but those the table marks as using packets' extension types (int64, optional fields, enums, maps …)
  const codecs = Object.fromEntries(table.packets.filter((p) => typeof p.schema === 'object' && !p.extensions)
    .map((p) => [p.name, schemapack.build(p.schema)]));
  assert.deepEqual(table.packets.filter((p) => p.extensions).map((p) => p.name), ['Account', 'AllTypes']);
  const encode = (name, data) => codecs[name].encode(data);
  console.log(`table ${table.fingerprint}: ${Object.keys(ids).join(', ')}`);

  // websocket, polling, and polling upgraded to websocket on the path without its trailing slash
  for (const [transports, options] of [[['websocket']], [['polling']], [['polling', 'websocket'], { addTrailingSlash: false }]]) {
    const socket = await connect(transports, options);
    if (transports.length > 1) {
      await withTimeout(new Promise((resolve) => {
        if (socket.io.engine.transport.name === 'websocket') resolve();
        socket.io.engine.on('upgrade', resolve);
      }), 5000, 'upgrade');
      assert.equal(socket.io.engine.transport.name, 'websocket');
      assert.equal(socket.io.opts.path, '/socket.io');
    }
    const via = transports.length > 1 ? 'upgraded' : transports[0];

    // a binary packet with an ack gets [null, response]
    let ack = await ask(socket, String(ids.Move), encode('Move', { entity: 7, x: 1.5, y: -2 }));
    assert.deepEqual(ack, [null, 'moved 7 to 1.5,-2']);
    console.log(`${via}: binary Move acked ${JSON.stringify(ack)}`);

    // validation errors arrive as [{code, reason}]
    ack = await ask(socket, String(ids.Move), encode('Move', { entity: 0, x: 0, y: 0 }));
    assert.deepEqual(ack, [{ code: 422, reason: 'entity 0 is reserved' }]);
    console.log(`${via}: invalid Move refused ${JSON.stringify(ack)}`);

    // the dehydrated form, ('Name', json)
    ack = await ask(socket, 'Move', { entity: 8, x: 3, y: 4 });
    assert.deepEqual(ack, [null, 'moved 8 to 3,4']);
    console.log(`${via}: dehydrated Move acked`);

    // a response that is a packet arrives as [null, payload, id]
    ack = await ask(socket, String(ids.Echo), encode('Echo', { text: 'héllo' }));
    assert.equal(ack[0], null);
    assert.equal(ack[2], ids.Echo);
    assert.deepEqual(codecs.Echo.decode(Buffer.from(ack[1])), { text: 'HÉLLO' });
    console.log(`${via}: Echo answered with a binary Echo`);

    // a Bundle (flecks framing) runs each packet through its acceptor, in order
    const frames = [encode('Move', { entity: 1, x: 0, y: 0 }), encode('Echo', { text: 'b' })];
    const content = Buffer.concat(frames.flatMap((payload, i) => {
      const head = Buffer.alloc(6);
      head.writeUInt32LE(payload.length, 0);
      head.writeUInt16LE(i === 0 ? ids.Move : ids.Echo, 4);
      return [head, payload];
    }));
    ack = await ask(socket, String(ids.Bundle), Buffer.concat([varuint(content.length), content]));
    assert.equal(ack[0], null);
    assert.equal(ack[1][0], 'moved 1 to 0,0');
    console.log(`${via}: Bundle acked ${JSON.stringify(ack[1][0])} and one more`);

    // bad input: unknown id, undecodable payload, wrong argument shape; the socket carries on
    ack = await ask(socket, '999', Buffer.from([1]));
    assert.equal(ack[0].code, 404);
    ack = await ask(socket, String(ids.Move), Buffer.from([0x80]));
    assert.equal(ack[0].code, 400);
    assert.match(ack[0].reason, /^Move\.entity: truncated varuint at byte 0/);
    ack = await ask(socket, String(ids.Move), 'not binary');
    assert.equal(ack[0].code, 400);
    ack = await ask(socket, 'Move', { entity: 'x', x: 0, y: 0 });
    assert.deepEqual(ack, [{ code: 400, reason: 'Move.entity: "x" is not a number (varuint)' }]);
    console.log(`${via}: bad input answered with 404/400 and the reason`);

    // a server push with an ack: the server's future gets our answer
    const pushed = new Promise((resolve) => socket.on(String(ids.Echo), (payload, callback) => {
      callback(null, `got ${codecs.Echo.decode(Buffer.from(payload)).text}`);
      resolve();
    }));
    ack = await ask(socket, String(ids.Ping), Buffer.alloc(0));
    await withTimeout(pushed, 5000, 'push');
    assert.deepEqual(ack, [null, 'got pushed']);
    console.log(`${via}: server push acked back to the server`);

    ack = await ask(socket, String(ids.Move), encode('Move', { entity: 9, x: 0, y: 0 }));
    assert.deepEqual(ack, [null, 'moved 9 to 0,0']);
    socket.close();
  }
  console.log('interop ok');
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
