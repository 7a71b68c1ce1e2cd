// A client without codecs: the real socket.io-client from npm and no schemapack. It sends packets dehydrated,
// ('Name', data), and reads them so: pushes as events named by the packet, packet responses as ['Name', data].
// Usage: node json-client.js <port>. Prints one line per check; exits non-zero on the first failure.
'use strict';
const { io } = require('socket.io-client');
const assert = require('node:assert/strict');

const base = `http://127.0.0.1:${process.argv[2]}`;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms); })]);
}

function ask(socket, name, data) {
  return withTimeout(new Promise((resolve) => socket.emit(name, data, (...ack) => resolve(ack))), 5000, `ack of ${name}`);
}

function connect(options) {
  const socket = io(base, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
  return withTimeout(new Promise((resolve, reject) => {
    socket.once('packets:ready', () => resolve(socket));
    socket.once('connect_error', reject);
  }), 5000, 'packets:ready');
}

async function scenario(options, via) {
  const socket = await connect(options);
  const echoes = [];
  socket.on('Echo', (data, ack) => {
    echoes.push(data);
    if (typeof ack === 'function') ack(null, 'got it'); // flecks' answer: [error, value]
  });
  assert.deepEqual(await ask(socket, 'Move', { entity: 7, x: 1.5, y: -2 }), [null, 'moved 7 to 1.5,-2']);
  // a packet response arrives dehydrated, not as a binary payload and an id
  assert.deepEqual(await ask(socket, 'Echo', { text: 'hi' }), [null, ['Echo', { text: 'HI' }]]);
  console.log(`${via}: a packet response arrives as ['Echo', {text}]`);
  // a send that awaits the client's answer (Ping makes the server send an Echo and answer with the client's ack)
  assert.deepEqual(await ask(socket, 'Ping', {}), [null, 'got it']);
  assert.deepEqual(echoes, [{ text: 'pushed' }]);
  console.log(`${via}: the server's send arrives as event 'Echo' and is answered`);
  // a room push, through the fan-out
  assert.deepEqual(await ask(socket, 'Echo', { text: `join:json-${via}` }), [null, 'joined']);
  assert.deepEqual(await ask(socket, 'Echo', { text: `push:json-${via}:to the room` }), [null, 'pushed']);
  for (let i = 0; i < 100 && echoes.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(echoes, [{ text: 'pushed' }, { text: 'to the room' }]);
  console.log(`${via}: a room push arrives as event 'Echo' with its data`);
  socket.disconnect();
}

(async () => {
  await scenario({}, 'first packet dehydrated');
  await scenario({ auth: { packets: 'json' } }, 'asked at connect');
  console.log('json client ok');
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
