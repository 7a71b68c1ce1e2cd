// The JS codec against the golden vectors made by the real schemapack 1.4.2 and msgpack-lite (shared with the Java
// tests), against schemapack itself on fresh values, and against the Java registry's fingerprint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compile, Registry, fingerprint, EncodeError, DecodeError, DEFAULT_LIMITS, firstDifference, WIRE_VERSION } from '../src/codec.js';

const require = createRequire(import.meta.url);
const schemapack = require('schemapack');
const golden = JSON.parse(readFileSync(new URL('../../packets-codegen/src/test/resources/golden/vectors.json', import.meta.url)));
const hex = (b) => Buffer.from(b).toString('hex');

function value(json) {
  if (Array.isArray(json)) return json.map(value);
  if (json && typeof json === 'object') {
    if ('$buffer' in json) return Uint8Array.from(Buffer.from(json.$buffer, 'hex'));
    if ('$number' in json) return { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 }[json.$number];
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, value(v)]));
  }
  return json;
}

test('every schemapack golden vector encodes to its bytes and decodes back', () => {
  assert.ok(golden.vectors.length > 50);
  for (const v of golden.vectors) {
    const codec = compile(v.packet, v.schema);
    assert.equal(hex(codec.encode(value(v.value))), v.hex, v.case);
    const back = codec.decode(Buffer.from(v.hex, 'hex'));
    const expected = v.decoded !== undefined ? Object.fromEntries(Object.keys(v.value).map((k) => [k, v.decoded])) : value(v.value);
    assert.deepEqual(JSON.parse(JSON.stringify(back, (k, x) => (x instanceof Uint8Array ? hex(x) : x))),
      JSON.parse(JSON.stringify(expected, (k, x) => (x instanceof Uint8Array ? hex(x) : x))), v.case);
    for (let cut = 0; cut < v.hex.length / 2; cut++) {
      assert.throws(() => codec.decode(Buffer.from(v.hex, 'hex').subarray(0, cut)), DecodeError, `${v.case} cut at ${cut}`);
    }
  }
});

test('every packed golden vector (msgpack-lite) encodes to its bytes and decodes back', () => {
  assert.ok(golden.packed.length > 50);
  for (const v of golden.packed) {
    const whole = v.schema === 'buffer';
    const codec = compile(v.packet, whole ? {} : v.schema, whole ? [''] : ['meta']);
    assert.equal(hex(codec.encode(value(v.value))), v.hex, v.case);
    const back = codec.decode(Buffer.from(v.hex, 'hex'));
    assert.equal(hex(codec.encode(back)), v.hex, `${v.case} decoded and encoded again`);
  }
});

test('Bundle golden vectors, flecks framing', () => {
  for (const b of golden.bundles) {
    const table = { fingerprint: '', packets: b.registry.map((name, i) => ({ id: i + 1, name, packed: [],
      schema: { Action: { value: 'varuint' }, Bundle: 'buffer', Logout: {}, Redirect: { location: 'string' }, Refresh: {} }[name] })) };
    const registry = new Registry(table);
    const toDehydrated = (p) => (p[0] === 'Bundle' ? ['Bundle', p[1].map(toDehydrated)] : p);
    const packet = ['Bundle', value(b.packets).map(toDehydrated)];
    assert.equal(hex(registry.encode(packet)), b.hex, b.case);
    assert.deepEqual(registry.decode(registry.id('Bundle'), Buffer.from(b.hex, 'hex')), packet, b.case);
  }
});

test('agrees with schemapack on fresh values of every type', () => {
  const schema = { b: 'bool', i8: 'int8', u8: 'uint8', i16: 'int16', u16: 'uint16', i32: 'int32', u32: 'uint32',
    f32: 'float32', f64: 'float64', vi: 'varint', vu: 'varuint', s: 'string', list: [{ x: 'int16', name: 'string' }] };
  const ours = compile('T', schema);
  const theirs = schemapack.build(JSON.parse(JSON.stringify(schema)));
  let seed = 7;
  const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  for (let i = 0; i < 300; i++) {
    const v = { b: rnd() < 0.5, i8: Math.floor(rnd() * 256) - 128, u8: Math.floor(rnd() * 256),
      i16: Math.floor(rnd() * 65536) - 32768, u16: Math.floor(rnd() * 65536), i32: Math.floor(rnd() * 2 ** 32) - 2 ** 31,
      u32: Math.floor(rnd() * 2 ** 32), f32: 1.5, f64: rnd() * 1e6, vi: Math.floor(rnd() * 2 ** 31) - 2 ** 30,
      vu: Math.floor(rnd() * 2 ** 31), s: 'é'.repeat(Math.floor(rnd() * 70)),
      list: Array.from({ length: Math.floor(rnd() * 4) }, (_, j) => ({ x: j - 2, name: `n${j}` })) };
    assert.equal(hex(ours.encode(v)), hex(theirs.encode(v)));
  }
});

test('errors name the packet, the field path, the value and the limit', () => {
  const player = compile('Player', { health: 'varuint', attributes: { str: 'uint8' } });
  assert.throws(() => player.encode({ health: 1, attributes: { str: 300 } }),
    new EncodeError('Player.attributes.str: 300 is out of range for uint8 (0..255)'));
  assert.throws(() => player.encode({ health: 'lots', attributes: { str: 1 } }),
    new EncodeError('Player.health: "lots" is not a number (varuint)'));
  assert.throws(() => player.decode(Uint8Array.from([1, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])), DecodeError);
  const names = compile('Names', { names: ['string'] });
  assert.throws(() => names.decode(Uint8Array.from([0xff, 0xff, 0x03])), /list of 65535 items needs at least 65535 bytes/);
});

test('the fingerprint matches the Java registry of the built-in packets', async () => {
  const table = { fingerprint: '4bb088c7bd6518c6', packets: [
    { id: 1, name: 'Bundle', schema: 'buffer', packed: [] },
    { id: 2, name: 'Redirect', schema: { location: 'string' }, packed: [] },
    { id: 3, name: 'Refresh', schema: {}, packed: [] }] };
  assert.equal(await fingerprint(table), '4bb088c7bd6518c6');
});

test('lists of items that take no bytes share the list limit per packet (a few bytes cannot ask for millions)', () => {
  // {items: [{}]}: 3 bytes announce 65,536 empty objects, the limit; nested lists multiply without bytes
  const flat = compile('Flat', { items: [{}] });
  assert.equal(flat.decode(Uint8Array.from([0x80, 0x80, 0x04])).items.length, 65536, 'at the limit');
  const nested = compile('Nested', { rows: [[{}]] });
  // 2 rows of 65,536 empty items each: 131,072 objects from 7 bytes, past the limit of 65,536
  const bytes = Uint8Array.from([0x02, 0x80, 0x80, 0x04, 0x80, 0x80, 0x04]);
  assert.throws(() => nested.decode(bytes), (e) => e instanceof DecodeError
    && /Nested\.rows\[\]: list of 65536 items that take no bytes: more than 65536 such items in one packet/.test(e.message));
  assert.throws(() => compile('Small', { items: [{}] }, [], { ...DEFAULT_LIMITS, maxListLength: 10 })
    .decode(Uint8Array.from([11])), DecodeError);
});

test('two packet tables are compared in id order, in the Java side\'s words', () => {
  const move = { id: 1, name: 'Move', schema: { entity: 'varuint', x: 'float32' }, packed: [] };
  const chat = { id: 2, name: 'Chat', schema: { text: 'string' }, packed: [] };
  const table = (...packets) => ({ fingerprint: 'x', packets });
  assert.equal(firstDifference(table(move, chat),
    table({ ...move, schema: { x: 'float32', entity: 'varuint' } }, chat)), null, 'key order is no difference');
  assert.equal(firstDifference(table(move, chat), table(move, { ...chat, name: 'Say' })),
    'packet 2 is Chat here and Say there');
  assert.equal(firstDifference(table(move, chat), table(move)), 'packet 2 is Chat here and missing there');
  assert.equal(firstDifference(table(move), table(move, chat)), 'packet 2 is Chat there and missing here');
  assert.equal(firstDifference(table(move, chat), table({ ...move, schema: { entity: 'varint', x: 'float32' } }, chat)),
    'packet 1 (Move) is {"entity":"varuint","x":"float32"} here and {"entity":"varint","x":"float32"} there');
  assert.equal(firstDifference(table(move, chat), table(move, { ...chat, packed: ['text'] })),
    'packet 2 (Chat) packs [] here and ["text"] there');
});

test('int64, an extension: eight bytes big-endian as BigInt, the bytes of the Java side\'s Int64Test', () => {
  const stamped = compile('Stamped', { id: 'int64', history: ['int64'] });
  const bytes = Uint8Array.from(Buffer.from('03' + '8000000000000000' + '7fffffffffffffff' + '0000000000000000'
    + 'fffffffffffffffe', 'hex'));
  assert.deepEqual(stamped.decode(bytes), { id: -2n, history: [-(2n ** 63n), 2n ** 63n - 1n, 0n] });
  assert.deepEqual([...stamped.encode({ id: -2, history: [-(2n ** 63n), 2n ** 63n - 1n, 0] })], [...bytes],
    'numbers that are safe integers are written too');
  assert.throws(() => stamped.encode({ id: 2n ** 63n, history: [] }), (e) => e instanceof EncodeError
    && /Stamped\.id: 9223372036854775808 is out of range for int64/.test(e.message));
  assert.throws(() => stamped.encode({ id: 2 ** 60, history: [] }), /is not a BigInt or a safe integer \(int64\)/);
  for (let n = 0; n < bytes.length; n++) {
    assert.throws(() => stamped.decode(bytes.subarray(0, n)), DecodeError, `cut at ${n}`);
  }
});

// The extension types' bytes, written by hand from docs/wire-format.md; the Java side's ExtensionTypesTest reads the
// same file.
const extensions = JSON.parse(readFileSync(new URL('../../packets-codegen/src/test/resources/golden/extensions.json', import.meta.url)));
const data = (json) => {
  if (Array.isArray(json)) return json.map(data);
  if (json && typeof json === 'object') {
    if ('$bigint' in json) return BigInt(json.$bigint);
    return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, data(v)]));
  }
  return json;
};

test('extension types: every hand-written vector encodes to its bytes and decodes back, cut at every length it fails', () => {
  assert.equal(extensions.vectors.length, 14);
  for (const v of extensions.vectors) {
    const codec = compile(v.packet, extensions.schemas[v.packet]);
    assert.equal(hex(codec.encode(data(v.value))), v.hex, v.case);
    const bytes = Uint8Array.from(Buffer.from(v.hex, 'hex'));
    assert.deepEqual(codec.decode(bytes), data(v.value), v.case);
    for (let n = 0; n < bytes.length; n++) assert.throws(() => codec.decode(bytes.subarray(0, n)), DecodeError, `${v.case} cut at ${n}`);
  }
});

test('extension types: numbers that are safe integers write as 64-bit values, null is absent, map keys are text', () => {
  const wide = compile('Wide', extensions.schemas.Wide);
  assert.equal(hex(wide.encode({ u: 1, vi: -65, vu: 300 })), '0000000000000001' + '8101' + 'ac02');
  assert.throws(() => wide.encode({ u: -1, vi: 0, vu: 0 }), /Wide\.u: -1 is out of range for uint64 \(0\.\.18446744073709551615\)/);
  assert.throws(() => wide.encode({ u: 2 ** 60, vi: 0, vu: 0 }), /is not a BigInt or a safe integer \(uint64\)/);
  const patch = compile('Patch', extensions.schemas.Patch);
  assert.equal(hex(patch.encode({ id: 42, nick: null, rank: 7, to: undefined })), '02' + '0000002a' + '07');
  const stock = compile('Stock', extensions.schemas.Stock);
  const owned = new Map([[2n ** 64n - 1n, true]]);
  assert.equal(hex(stock.encode({ items: {}, signs: {}, owned, routes: {} })), '00' + '01ffffffffffffffffff0101' + '0000');
  assert.throws(() => stock.encode({ items: {}, signs: { UP: 'x' }, owned: {}, routes: {} }), /Stock\.signs\{key\}: "UP" is not one of NORTH, EAST, SOUTH, WEST/);
  assert.throws(() => stock.encode({ items: {}, signs: {}, owned: { '1.5': true }, routes: {} }), /Stock\.owned\{key\}: key "1\.5" is not an integer/);
  const proto = stock.decode(Uint8Array.from(Buffer.from('01095f5f70726f746f5f5f07' + '000000', 'hex')));
  assert.equal(Object.getPrototypeOf(proto.items), Object.prototype, 'a key "__proto__" does not replace the prototype');
  assert.deepEqual(Object.keys(proto.items), ['__proto__']);
});

test('extension types: bad bytes are DecodeErrors that say what is wrong, as in Java', () => {
  const fails = (name, bytes, message) => assert.throws(() => compile(name, extensions.schemas[name]).decode(Uint8Array.from(Buffer.from(bytes, 'hex'))),
    (e) => e instanceof DecodeError && e.message.startsWith(message), `${name} ${bytes}`);
  fails('Wide', 'ffffffffffffffff' + '00' + 'ffffffffffffffffff02', 'Wide.vu: varuint64 exceeds 18446744073709551615');
  fails('Wide', 'ffffffffffffffff' + '00' + 'ffffffffffffffffffff01', 'Wide.vu: varuint64 longer than 10 bytes');
  fails('Patch', '10' + '0000002a', 'Patch: presence bits 0x10 mark fields that do not exist (in use: 0x0f) at byte 0');
  fails('Sparse', '0002' + '00', 'Sparse: presence bits 0x02 mark fields that do not exist (in use: 0x01) at byte 1');
  fails('Steer', '04' + '0457455354' + '00' + '00', 'Steer.heading: ordinal 4 is out of range (0..3) at byte 0');
  fails('Steer', '00' + '025550' + '00' + '00', 'Steer.named: unknown constant "UP"; constants are NORTH, EAST, SOUTH, WEST at byte 1');
  fails('Stock', '02' + '02687007' + '02687008' + '000000', 'Stock.items: key "hp" comes twice at byte 5');
  fails('Stock', '0a' + '02687007' + '000000', 'Stock.items: map of 10 entries needs at least 20 bytes, but only 7 left at byte 0');
});

test('the wire version is the Java side\'s', () => {
  const java = readFileSync(new URL('../../packets-core/src/main/java/dev/packets/PacketRegistry.java', import.meta.url),
    'utf8');
  const declared = /public static final String WIRE_VERSION = "([^"]+)";/.exec(java);
  assert.ok(declared, 'PacketRegistry.WIRE_VERSION');
  assert.equal(WIRE_VERSION, declared[1]);
});
