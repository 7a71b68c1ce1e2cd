// Connection state recovery with the real socket.io-client from npm (its own recovery: the pid and last offset in
// CONNECT, socket.recovered) against two Java PacketServer nodes that share an intercom.
// Usage: node recovery.js <port of node A> <port of node B>. Prints one line per check; exits non-zero on a failure.
'use strict';
const { io } = require('socket.io-client');
const schemapack = require('schemapack');
const assert = require('node:assert/strict');

const [portA, portB] = process.argv.slice(2);
const nodeA = `http://127.0.0.1:${portA}`;
const nodeB = `http://127.0.0.1:${portB}`;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms); })]);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function ready(socket) {
  return withTimeout(new Promise((resolve, reject) => {
    socket.once('packets:ready', resolve);
    socket.once('connect_error', reject);
  }), 5000, 'packets:ready');
}

function ask(socket, text) {
  return withTimeout(new Promise((resolve) => socket.emit('Echo', { text }, (...ack) => resolve(ack))), 5000,
    `ack of ${text}`);
}

async function until(check, what) {
  for (let i = 0; i < 100 && !check(); i++) await sleep(50);
  assert.ok(check(), what);
}

/** Drops the websocket's TCP connection at once, as a network blip would. */
function breakTransport(socket) {
  const transport = socket.io.engine.transport;
  assert.equal(transport.name, 'websocket');
  transport.ws.terminate();
}

/** Waits until the engine runs on a websocket (the polling scenario upgrades). */
async function upgraded(socket) {
  await until(() => socket.io.engine.transport.name === 'websocket', 'the upgrade to websocket');
}

async function scenario(table, transports) {
  const echoId = String(table.packets.find((p) => p.name === 'Echo').id);
  const echo = schemapack.build(table.packets.find((p) => p.name === 'Echo').schema);
  const via = transports.join('+');

  // it sends dehydrated commands but decodes pushes itself: it says so, else its first dehydrated packet would make
  // the server send it JSON
  const socket = io(nodeA, { transports, forceNew: true, reconnectionDelay: 50, reconnectionDelayMax: 100,
    auth: { packets: 'binary' } });
  const got = [];
  socket.on(echoId, (payload, offset) => got.push({ text: echo.decode(Buffer.from(payload)).text, offset }));
  await ready(socket);
  const first = socket.id;
  assert.equal(socket.recovered, false);
  assert.ok(socket._pid, 'the server gave a pid');
  const room = `room-${via}`;
  assert.deepEqual(await ask(socket, `join:${room}`), [null, 'joined']);

  // node B pushes to the room before the break: delivered at once, with its offset
  const helper = io(nodeB, { transports: ['websocket'], forceNew: true, reconnection: false });
  await ready(helper);
  assert.deepEqual(await ask(helper, `push:${room}:before`), [null, 'pushed']);
  await until(() => got.length === 1, 'the push before the break');
  await upgraded(socket);
  assert.equal(typeof got[0].offset, 'string');
  console.log(`${via}: connected to node A as ${first}, offset ${got[0].offset}`);

  // the transport breaks (the TCP connection dropped, no goodbye); meanwhile node B pushes three packets to the room
  socket.io.reconnection(false);
  const down = new Promise((resolve) => socket.once('disconnect', resolve));
  breakTransport(socket);
  await withTimeout(down, 5000, 'disconnect');
  for (const text of ['one', 'two', 'three']) {
    assert.deepEqual(await ask(helper, `push:${room}:${text}`), [null, 'pushed']);
  }
  await sleep(300); // the fan-out reaches node A, where the session is parked

  // the client comes back through another door: node B recovers the session from node A
  socket.io.uri = nodeB;
  socket.io.reconnection(true);
  const back = ready(socket);
  socket.connect();
  await back;
  assert.equal(socket.recovered, true, 'socket.recovered');
  assert.equal(socket.id, first, 'the same socket id');
  await until(() => got.length >= 4, 'the three missed pushes');
  await sleep(300); // and no more than once
  assert.deepEqual(got.map((g) => g.text), ['before', 'one', 'two', 'three']);
  console.log(`${via}: recovered on node B as ${socket.id}, missed pushes ${got.slice(1).map((g) => g.text)} in order, once`);
  const [, who] = await ask(socket, 'whoami');
  assert.equal(who, `${first} nick=ada rooms=${room} recovered=true`);
  console.log(`${via}: node B sees ${who}`);

  // a push after the recovery still arrives once
  assert.deepEqual(await ask(helper, `push:${room}:after`), [null, 'pushed']);
  await until(() => got.length === 5, 'the push after the recovery');
  assert.equal(got[4].text, 'after');
  await upgraded(socket);

  // a pid nobody holds: a clean new session, and the client is told (recovered false, a new id)
  socket.io.reconnection(false);
  const down2 = new Promise((resolve) => socket.once('disconnect', resolve));
  breakTransport(socket);
  await withTimeout(down2, 5000, 'second disconnect');
  socket._pid = 'made-up-pid-nobody-holds';
  socket.io.reconnection(true);
  const fresh = ready(socket);
  socket.connect();
  const info = await fresh;
  assert.equal(socket.recovered, false);
  assert.notEqual(socket.id, first);
  assert.equal(info.recovered, false);
  console.log(`${via}: an unknown pid got a new session ${socket.id} (recovered false)`);
  socket.disconnect();
  helper.disconnect();
}

async function main() {
  const table = await (await fetch(`${nodeA}/packets/schema.json`)).json();
  await scenario(table, ['websocket']);
  await scenario(table, ['polling', 'websocket']);
  console.log('recovery ok');
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
