// packets-js (this repository's JavaScript client) under Node against the Java server.
// Usage: node js-client.mjs <port> <transport: lane | socket.io>. Prints "restart me" and waits for the server to come
// back on the same port.
import assert from 'node:assert/strict';
import { connect, fingerprint, PacketError } from '../../../../packets-js/src/index.js';

const port = process.argv[2];
const transport = process.argv[3];
const client = await connect(`http://127.0.0.1:${port}`, { timeout: 5000, transport });
assert.equal(client.transport, transport);
console.log(`connected on ${client.transport}`);

// a client built with another packet table (here: the server's with Echo renamed) does not connect, and says why
const served = await (await fetch(`http://127.0.0.1:${port}/packets/schema.json`)).json();
const other = { packets: served.packets.map((p) => (p.name === 'Echo' ? { ...p, name: 'Shout' } : p)) };
other.fingerprint = await fingerprint(other);
const echoId = served.packets.find((p) => p.name === 'Echo').id;
await assert.rejects(connect(`http://127.0.0.1:${port}`, { table: other, reconnection: false, transport }),
  (e) => e instanceof PacketError && e.code === 409
    && e.reason.includes(`: packet ${echoId} is Shout here and Echo there`));
const anyway = await connect(`http://127.0.0.1:${port}`, { table: other, reconnection: false, allowRegistryMismatch: true,
  transport });
anyway.close();
console.log('a client of another packet table is refused, naming the first packet that differs');

// every field type, dehydrated, round trip through the Java codec and back
const all = { b: true, i8: -128, u8: 255, i16: -32768, u16: 65535, i32: -2147483648, u32: 4294967295,
  i64: -(2n ** 63n) + 7n, f32: 188.5,
  f64: 0.1, vi: -1073741824, vu: 2147483647, s: 'héllo 😀', buf: Uint8Array.from([0, 1, 255]),
  echoes: [{ text: 'a' }, { text: 'é' }], move: { entity: 7, x: 1.5, y: -2 }, meta: { color: 'teal', n: [1, 2.5, null] } };
const [name, back] = await client.send(['AllTypes', all]);
assert.equal(name, 'AllTypes');
assert.deepEqual({ ...back, buf: [...back.buf] }, { ...all, buf: [0, 1, 255] });
assert.equal(typeof back.i64, 'bigint', 'int64, an extension, comes back a BigInt');
const allTypes = served.packets.find((p) => p.name === 'AllTypes');
assert.deepEqual(allTypes.extensions, ['int64'], 'the table says AllTypes needs packets\' own codecs');
console.log('every field type round trips, int64 as a BigInt through the Java codec');

// a long id, an optional field, an enum and a map, through the Java record and back (the server promotes it)
const promoted = await client.request(['Account', { id: 2n ** 62n, kind: 'BOT', stats: { hp: 65535, level: 1 },
  since: 2n ** 64n - 2n }], 'Account');
assert.deepEqual(promoted, { id: 2n ** 62n + 1n, kind: 'ADMIN', stats: { hp: 65535, level: 2 }, since: 2n ** 64n - 1n });
const named = await client.request(['Account', { id: 1, nick: 'al', kind: 'PLAYER', stats: {}, since: null }], 'Account');
assert.deepEqual(named, { id: 2n, nick: 'AL', kind: 'ADMIN', stats: { level: 1 } }, 'an absent field stays absent');
assert.deepEqual(served.packets.find((p) => p.name === 'Account').extensions, ['enum', 'int64', 'map', 'optional', 'varuint64']);
await assert.rejects(client.send(['Account', { id: 1, kind: 'GHOST', stats: {} }]), /Account\.kind: "GHOST" is not one of PLAYER, BOT, ADMIN/);
await assert.rejects(client.request(['Echo', { text: 'x' }], 'Account'),
  (e) => e instanceof PacketError && e.code === 502 && e.reason === 'Echo: the answer is packet Echo, not packet Account');
// many seeded random accounts: JavaScript writes them, Java reads them, changes them and writes them back
let seed = 12;
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const big = (bits) => { let v = 0n; for (let i = 0; i < bits; i += 16) v = (v << 16n) | BigInt(Math.floor(rnd() * 65536)); return BigInt.asUintN(bits, v); };
const kinds = ['PLAYER', 'BOT', 'ADMIN'];
for (let i = 0; i < 200; i++) {
  const account = { id: BigInt.asIntN(64, big(64) >> BigInt(Math.floor(rnd() * 64))), kind: kinds[Math.floor(rnd() * 3)], stats: {} };
  if (rnd() < 0.5) account.nick = String.fromCodePoint(...Array.from({ length: Math.floor(rnd() * 8) }, () => 0x20 + Math.floor(rnd() * 0x160)));
  if (rnd() < 0.5) account.since = big(64) >> BigInt(Math.floor(rnd() * 64));
  for (let n = Math.floor(rnd() * 5); n > 0; n--) account.stats[`s${Math.floor(rnd() * 100)}`] = Math.floor(rnd() * 65535);
  const expected = { id: BigInt.asIntN(64, account.id + 1n), kind: 'ADMIN', stats: { ...account.stats, level: (account.stats.level ?? 0) + 1 } };
  if (account.nick !== undefined) expected.nick = account.nick.toUpperCase();
  if (account.since !== undefined) expected.since = BigInt.asUintN(64, account.since + 1n);
  const back = await client.request(['Account', account], 'Account');
  assert.deepEqual({ ...back, stats: { ...back.stats } }, expected, JSON.stringify(account, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
}
console.log('a long id, an optional field, an enum and a map round trip through the Java record, 200 random ones too');

assert.equal(await client.send(['Move', { entity: 7, x: 1.5, y: -2 }]), 'moved 7 to 1.5,-2');
await assert.rejects(client.send(['Move', { entity: 0, x: 0, y: 0 }]),
  (e) => e instanceof PacketError && e.code === 422 && e.reason === 'entity 0 is reserved');
await assert.rejects(client.send(['Move', { entity: -1, x: 0, y: 0 }]), /Move.entity: -1 is out of range for varuint/);
console.log('validation errors arrive as {code, reason}');

client.accept('Echo', (echo) => `got ${echo.text}`);
assert.equal(await client.send(['Ping', {}]), 'got pushed');
console.log('server push acked by a JS acceptor');

const responses = await client.send(['Bundle', [['Move', { entity: 1, x: 0, y: 0 }], ['Echo', { text: 'b' }]]]);
assert.deepEqual(responses, ['moved 1 to 0,0', ['Echo', { text: 'B' }]]);
console.log('Bundle acked in order');

// the connection drops without a goodbye; a packet pushed to the socket's room meanwhile arrives when it is back
const got = [];
client.accept('Echo', (echo) => { got.push(echo.text); return null; });
assert.equal(await client.send(['Echo', { text: 'join:js' }]), 'joined');
const helper = await connect(`http://127.0.0.1:${port}`, { timeout: 5000, reconnection: false, transport });
const recovered = new Promise((resolve) => client.on('reconnect', resolve));
client.drop();
assert.equal(await helper.send(['Echo', { text: 'push:js:while away' }]), 'pushed');
assert.deepEqual(await recovered, { recovered: true });
assert.equal(client.recovered, true);
for (let i = 0; i < 100 && got.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
assert.deepEqual(got, ['while away']);
helper.close();
console.log('recovered its session with the push it missed');

const reconnected = new Promise((resolve) => client.on('reconnect', resolve));
console.log('restart me');
assert.deepEqual(await reconnected, { recovered: false }, 'a restarted server has not kept the session');
assert.equal(await client.send(['Move', { entity: 2, x: 0, y: 0 }]), 'moved 2 to 0,0');
console.log('reconnected after a server restart');
client.close();
console.log('js client ok');
process.exit(0);
