// Regenerate: cd packets-codegen/src/test/resources/golden && npm ci && node make-vectors.js
//
// Golden vectors made by the REAL schemapack 1.4.2 and msgpack-lite 0.1.26 (exact versions, see package.json).
// flecks' Packer and Bundle are not installed (@flecks/socket pulls in webpack, babel, socket.io...): the few lines
// that matter are transcribed below from @flecks/socket 1.4.1 src/packet/{packer,bundle}.js and
// @flecks/core 1.4.1 src/flecks.js (gather), with their original line numbers.
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');
const schemapack = require('schemapack');
const msgpack = require('msgpack-lite');

const hex = (bytes) => Buffer.from(bytes).toString('hex');
// schemapack.build() rewrites the schema it is given ('bool' -> 'boolean', trimmed, lower-cased): build from a copy.
const build = (schema) => schemapack.build(JSON.parse(JSON.stringify(schema)));
const bytes = (n, seed) => Buffer.from(Array.from({length: n}, (_, i) => (i * 31 + seed) & 0xff));

/** A value as JSON: Buffers as {"$buffer": hex}, numbers JSON can't hold as {"$number": ...}; key order is kept. */
function toJson(v) {
  if (Buffer.isBuffer(v)) return {$buffer: hex(v)};
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return {$number: 'NaN'};
    if (v === Infinity) return {$number: 'Infinity'};
    if (v === -Infinity) return {$number: '-Infinity'};
    if (Object.is(v, -0)) return {$number: '-0'};
    return v;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  }
  return v;
}

const schemas = {};
const vectors = [];

/** Encodes value with schemapack, checks that schemapack reads it back, and records the vector. */
function vector(caseId, packet, schema, value) {
  assert(!vectors.some((v) => v.case === caseId), `duplicate case ${caseId}`);
  schemas[packet] = schema;
  const built = build(schema);
  const encoded = built.encode(value);
  const decoded = built.decode(encoded);
  const entry = {case: caseId, packet, schema, value: toJson(value), hex: hex(encoded)};
  try {
    assert.deepStrictEqual(decoded, value); // also proves every float32 value is exactly representable
  } catch (e) {
    // Only lone surrogates may come back different (as U+FFFD), in the single-string packet "Strings".
    assert.strictEqual(packet, 'Strings', `${caseId} does not round-trip: ${e.message}`);
    assert.strictEqual(decoded.s, value.s.toWellFormed());
    entry.decoded = decoded.s;
  }
  vectors.push(entry);
  return entry;
}

function player() {
  const schema = {
    health: 'varuint', jumping: 'bool', position: ['int16'], attributes: {str: 'uint8', agi: 'uint8', int: 'uint8'},
  };
  const readme = vector('player-readme', 'Player', schema,
    {health: 4000, jumping: false, position: [-540, 343, 1201], attributes: {str: 87, agi: 42, int: 22}});
  assert.strictEqual(readme.hex, '2a1657a01f0003fde4015704b1', 'schemapack README example changed!');
  vector('player-empty-position', 'Player', schema,
    {health: 0, jumping: true, position: [], attributes: {str: 0, agi: 0, int: 0}});
  vector('player-jumping', 'Player', schema,
    {health: 128, jumping: true, position: [-32768, 32767], attributes: {str: 255, agi: 1, int: 128}});
}

function allTypes() {
  const schema = {
    b: 'bool', i8: 'int8', u8: 'uint8', i16: 'int16', u16: 'uint16', i32: 'int32', u32: 'uint32',
    f32: 'float32', f64: 'float64', vi: 'varint', vu: 'varuint', s: 'string', buf: 'buffer',
  };
  const all = (b, i8, u8, i16, u16, i32, u32, f32, f64, vi, vu, s, buf) =>
    ({b, i8, u8, i16, u16, i32, u32, f32, f64, vi, vu, s, buf});
  vector('alltypes-min', 'AllTypes', schema, all(false, -128, 0, -32768, 0, -2147483648, 0,
    -3.4028234663852886e38, -Number.MAX_VALUE, -1073741824, 0, '', Buffer.alloc(0)));
  vector('alltypes-zero', 'AllTypes', schema, all(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', Buffer.alloc(0)));
  vector('alltypes-max', 'AllTypes', schema, all(true, 127, 255, 32767, 65535, 2147483647, 4294967295,
    3.4028234663852886e38, Number.MAX_VALUE, 1073741823, 2147483647, 'max', Buffer.from([0xff])));
  vector('alltypes-mixed-1', 'AllTypes', schema, all(true, -1, 128, -540, 40000, -123456789, 3000000000,
    188.5, 0.1, -65, 300, 'é', Buffer.from([1, 2, 3])));
  vector('alltypes-mixed-2', 'AllTypes', schema, all(false, 1, 1, 1, 1, 1, 1,
    -0.15625, -1e308, 64, 16384, '日本語', bytes(16, 7)));
  vector('alltypes-tiny-floats', 'AllTypes', schema, all(true, 0, 0, 0, 0, 0, 0,
    1.401298464324817e-45, 5e-324, -1, 127, 'a', Buffer.from([0])));
  vector('alltypes-nan', 'AllTypes', schema, all(false, 0, 0, 0, 0, 0, 0, NaN, NaN, 0, 0, '', Buffer.alloc(0)));
  vector('alltypes-negative-zero', 'AllTypes', schema, all(false, 0, 0, 0, 0, 0, 0, -0, -0, 0, 0, '', Buffer.alloc(0)));
}

function varints() {
  for (const v of [0, 1, 127, 128, 300, 16383, 16384, 2097151, 2097152, 268435455, 268435456, 2147483647]) {
    vector(`varuint-${v}`, 'Varuints', {v: 'varuint'}, {v});
  }
  assert.strictEqual(vectors.find((x) => x.case === 'varuint-300').hex, 'ac02');
  for (const v of [0, -1, 1, -64, 63, -65, 64, -8192, 8191, -8193, 8192, -1048576, 1048575, -1048577,
    -134217728, 134217727, 134217728, -1073741824, 1073741823]) {
    vector(`varint-${v}`, 'Varints', {v: 'varint'}, {v});
  }
  assert.strictEqual(vectors.find((x) => x.case === 'varint--65').hex, '8101');
}

function strings() {
  const cases = {
    empty: '', a: 'a', 'e-acute': 'é', nihongo: '日本語', 'emoji-surrogate-pair': '\u{1F600}',
    'lone-high-surrogate': '\ud800', 'lone-low-surrogate': '\udc00', 'a-lone-high-b': 'a\ud800b',
    'reversed-pair': '\udc00\ud800', 'utf8-127-bytes': 'a'.repeat(127), 'utf8-128-bytes-64-chars': 'é'.repeat(64),
    'utf8-300-bytes-mixed': 'aé日\u{1F600}'.repeat(30),
  };
  for (const [name, s] of Object.entries(cases)) vector(`string-${name}`, 'Strings', {s: 'string'}, {s});
  assert.strictEqual(vectors.find((x) => x.case === 'string-e-acute').hex, '02c3a9');
  assert.strictEqual(vectors.find((x) => x.case === 'string-lone-high-surrogate').hex, '03efbfbd');
  assert.strictEqual(vectors.find((x) => x.case === 'string-lone-low-surrogate').hex, '03efbfbd');
}

function buffers() {
  for (const n of [0, 1, 127, 128, 300]) vector(`buffer-${n}`, 'Buffers', {buf: 'buffer'}, {buf: bytes(n, n)});
}

function sorting() {
  // UTF-16 code-unit order: "A" (41) < "Z" (5a) < "_c" (5f) < "a" < "a1" (31) < "aa" (61) < "b"; values 1..7 in it.
  const schema = {b: 'uint8', A: 'uint8', _c: 'uint8', a: 'uint8', aa: 'uint8', Z: 'uint8', a1: 'uint8'};
  const entry = vector('sorting', 'Sorting', schema, {b: 7, A: 1, _c: 3, a: 4, aa: 6, Z: 2, a1: 5});
  assert.strictEqual(entry.hex, '01020304050607');
}

function nesting() {
  const schema = {id: 'varuint', outer: {name: 'string', inner: {x: 'float32', y: 'float32', deep: {flag: 'bool', n: 'int32'}}}};
  vector('nested-1', 'Nested', schema,
    {id: 300, outer: {name: 'n', inner: {x: 1.5, y: -2.25, deep: {flag: true, n: -123456}}}});
  vector('nested-2', 'Nested', schema,
    {id: 0, outer: {name: '', inner: {x: -0.15625, y: 188.5, deep: {flag: false, n: 2147483647}}}});
}

function arrays() {
  const inventory = {items: [{id: 'varuint', name: 'string', pos: {x: 'int16', y: 'int16'}}], count: 'uint8'};
  const item = (id, name, x, y) => ({id, name, pos: {x, y}});
  vector('inventory-0', 'Inventory', inventory, {items: [], count: 0});
  vector('inventory-1', 'Inventory', inventory, {items: [item(1, 'sword', -1, 1)], count: 1});
  vector('inventory-3', 'Inventory', inventory,
    {items: [item(1, 'sword', -1, 1), item(300, '', 32767, -32768), item(2147483647, 'é日', 0, 0)], count: 3});
  vector('names-0', 'Names', {names: ['string']}, {names: []});
  vector('names-1', 'Names', {names: ['string']}, {names: ['a']});
  vector('names-3', 'Names', {names: ['string']}, {names: ['', 'é', '日本語']});
  const lists = {flags: ['bool'], values: ['float64']};
  vector('lists-empty', 'Lists', lists, {flags: [], values: []});
  vector('lists-some', 'Lists', lists, {flags: [true, false, true], values: [0.1, -1e308, 5e-324]});
  vector('lists-odd-doubles', 'Lists', lists, {flags: [false], values: [NaN, -0, Number.MAX_VALUE]});
}

function empty() {
  const entry = vector('empty', 'Empty', {}, {});
  assert.strictEqual(entry.hex, '');
}

/**
 * schemapack issue #30: an array inside an array's element objects is written after all of the element's other
 * fields, and each further such array is written INSIDE the loop of the one after it (duplicated or lost).
 * schemapack decodes its own output the same wrong way, so it round-trips with itself. NOT golden.
 */
function issue30() {
  const demo = (schema, value, correctByHand) => {
    const out = hex(build(schema).encode(value));
    return {
      schema, value, schemapackHex: out, correctHexDerivedByHand: correctByHand, same: out === correctByHand,
      schemapackDecodes: build(schema).decode(Buffer.from(out, 'hex')),
    };
  };
  return [
    // The only array sorts last in the element anyway, so the output happens to be right.
    demo({rows: [{b: 'uint8', cells: ['uint8'], a: 'uint8'}]},
      {rows: [{a: 1, b: 2, cells: [3, 4]}, {a: 5, b: 6, cells: [7]}]},
      '02' + '01' + '02' + '020304' + '05' + '06' + '0107'),
    // "cells" sorts between "a" and "z" but is written after "z".
    demo({rows: [{a: 'uint8', cells: ['uint8'], z: 'uint8'}]},
      {rows: [{a: 1, cells: [3, 4], z: 2}, {a: 5, cells: [7], z: 6}]},
      '02' + '01' + '020304' + '02' + '05' + '0107' + '06'),
    // Two arrays: "c" is written inside "d"'s loop, once per item of d (duplicated)...
    demo({rows: [{c: ['uint8'], d: ['uint8']}]}, {rows: [{c: [1, 2], d: [3, 4]}]},
      '01' + '020102' + '020304'),
    // ... and not at all when d is empty (lost: decodes as c = []).
    demo({rows: [{c: ['uint8'], d: ['uint8']}]}, {rows: [{c: [1, 2], d: []}]},
      '01' + '020102' + '00'),
  ];
}

/** flecks' Packer('meta'): meta = msgpack.encode(meta), then schemapack with meta: 'buffer'. */
function packerField() {
  // @flecks/socket src/packet/packer.js:12 `data[key] = 'buffer'` and :25 `data[key] = msgpack.encode(data[key])`
  const schema = {id: 'uint8', meta: 'buffer'};
  schemas.Meta = schema;
  const map16 = Object.fromEntries(Array.from({length: 16}, (_, i) => [`k${String(i).padStart(2, '0')}`, i]));
  const metas = [ // [case name, meta value]: an array, as integer-like object keys would be reordered by JS
    ['null', null], ['true', true], ['false', false], ['0', 0], ['-1', -1], ['127', 127], ['128', 128],
    ['-32', -32], ['-33', -33], ['-128', -128], ['-129', -129], ['255', 255], ['256', 256], ['65535', 65535],
    ['65536', 65536], ['2^31-1', 2147483647], ['2^31', 2147483648], ['2^32-1', 4294967295], ['2^32', 4294967296],
    ['-2^31', -2147483648], ['-2^31-1', -2147483649], ['2.0', 2.0], ['1.5', 1.5], ['-0.25', -0.25], ['0.1', 0.1],
    ['-0', -0], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
    ['str-empty', ''], ['str-hi', 'hi'], ['str-31', 'a'.repeat(31)], ['str-32', 'b'.repeat(32)],
    ['str-20-chars-40-bytes', 'é'.repeat(20)], ['str-255', 'c'.repeat(255)], ['str-256', 'd'.repeat(256)],
    ['str-200-chars-400-bytes', 'é'.repeat(200)], ['str-lone-surrogate', 'a\ud800'],
    ['buffer-0', Buffer.alloc(0)], ['buffer-3', Buffer.from([1, 2, 3])], ['buffer-254', bytes(254, 1)],
    ['buffer-255', bytes(255, 2)], ['buffer-256', bytes(256, 3)],
    ['array-empty', []], ['array-mixed', [1, 'a', null]], ['array-16', Array.from({length: 16}, (_, i) => i)],
    ['map-empty', {}], ['map-nested', {a: 1, b: [true, null, 'x'], c: {d: 1.5}}], ['map-16', map16],
    ['map-integer-like-keys', {b: 1, 2: 2, a: 3, 1: 4}], // msgpack-lite writes Object.keys order: "1", "2", "b", "a"
  ];
  return metas.map(([name, meta], i) => {
    const packed = msgpack.encode(meta);
    const value = {id: i, meta};
    const entry = {
      case: `meta-${name}`, packet: 'Meta', schema, value: toJson(value), packedHex: hex(packed),
      hex: hex(build(schema).encode({id: i, meta: packed})),
    };
    const unpacked = msgpack.decode(packed);
    if (typeof meta === 'string' && meta !== meta.toWellFormed()) {
      assert.strictEqual(unpacked, meta.toWellFormed()); // lone surrogates come back as U+FFFD
      entry.decoded = unpacked;
    } else {
      assert.deepStrictEqual(unpacked, Object.is(meta, -0) ? 0 : meta); // -0 is written as integer 0
    }
    return entry;
  });
}

/** flecks' Packer() with no key: the whole packet data is one msgpack value, schema 'buffer'. */
function packerWhole() {
  // @flecks/socket src/packet/packer.js:18 `return 'buffer'` and :28 `(data) => msgpack.encode(data)`
  const schema = 'buffer';
  schemas.Settings = schema;
  const settings = [
    {volume: 0.5, name: 'x', muted: false, keys: [1, 2, 3]},
    {volume: 1, name: '', muted: true, keys: []}, // volume 1.0 is written as integer 1 (JS has no 1.0)
    {volume: -0.15625, name: '日本語 and a name longer than 31 bytes', muted: false,
      keys: [0, -1, 127, 128, -33, 65535, 65536, -2147483648, 2147483647]},
  ];
  return settings.map((data, i) => {
    const packed = msgpack.encode(data);
    assert.deepStrictEqual(msgpack.decode(packed), data);
    return {
      case: `settings-${i + 1}`, packet: 'Settings', schema, value: toJson(data), packedHex: hex(packed),
      hex: hex(build(schema).encode(packed)),
    };
  });
}

/** flecks' Bundle: 'buffer' holding repeated {u32 LE length, u16 LE packet id, payload}. */
function bundles() {
  const registry = {Action: {value: 'varuint'}, Bundle: 'buffer', Logout: {}, Redirect: {location: 'string'}, Refresh: {}};
  Object.assign(schemas, registry);
  // @flecks/core src/flecks.js:183-190: types sorted by `(ltype < rtype ? -1 : 1)`, ids counted from 1.
  const names = Object.keys(registry).sort((l, r) => (l < r ? -1 : 1));
  const ids = Object.fromEntries(names.map((name, i) => [name, i + 1]));
  const builders = Object.fromEntries(names.map((name) => [name, build(registry[name])]));
  // Packet.encode(data) = builder.encode(pack(data)); Bundle.pack is @flecks/socket src/packet/bundle.js:23-51.
  const encode = ([type, data]) => builders[type].encode(type === 'Bundle' ? pack(data) : data);
  function pack(packets) {
    const packedPackets = packets.map((packet) => [ids[packet[0]], encode(packet)]);
    const length = packedPackets.reduce((sum, [, packedPacket]) => sum + 4 + 2 + packedPacket.length, 0);
    const buffer = Buffer.alloc(length); // flecks uses allocUnsafe: the same bytes, as every byte is written
    let caret = 0;
    for (const [id, packedPacket] of packedPackets) {
      buffer.writeUInt32LE(packedPacket.length, caret);
      caret += 4;
      buffer.writeUInt16LE(id, caret);
      caret += 2;
      packedPacket.copy(buffer, caret, 0);
      caret += packedPacket.length;
    }
    return buffer;
  }
  // flecks' own Redirect has schema 'string' (data is the bare string): the bytes are the same.
  assert.strictEqual(hex(build('string').encode('/foo')), hex(encode(['Redirect', {location: '/foo'}])));

  const action = (value) => ['Action', {value}];
  const cases = {
    'redirect-refresh': [['Redirect', {location: '/foo'}], ['Refresh', {}]],
    empty: [],
    'three-actions': [action(1), action(300), action(2147483647)],
    'bundle-in-bundle': [action(7), ['Bundle', [action(1), ['Logout', {}]]]],
    'three-deep': [['Bundle', [['Bundle', [['Bundle', [action(42)]], ['Refresh', {}]]]]]],
    'long-redirect': [['Redirect', {location: '/' + 'x'.repeat(199)}], ['Logout', {}]],
  };
  const out = Object.entries(cases).map(([name, packets]) => (
    {case: `bundle-${name}`, registry: names, packets, hex: hex(encode(['Bundle', packets]))}));
  assert.strictEqual(out[0].hex, '11050000000400042f666f6f000000000500');
  // flecks' own built-ins, for reference (@flecks/socket src/packet/{bundle,redirect,packet}.js `static get data()`).
  const flecksBuiltins = {Bundle: 'buffer', Redirect: 'string', Refresh: {}};
  return {ids, out, flecksBuiltins};
}

function main() {
  player();
  allTypes();
  varints();
  strings();
  buffers();
  sorting();
  nesting();
  arrays();
  empty();
  const packed = [...packerField(), ...packerWhole()];
  const {ids, out, flecksBuiltins} = bundles();
  const result = {
    generatedBy: 'make-vectors.js',
    schemapack: require('schemapack/package.json').version,
    'msgpack-lite': require('msgpack-lite/package.json').version,
    schemas,
    bundleIds: ids,
    flecksBuiltins,
    vectors,
    packed,
    bundles: out,
    issue30: {note: 'schemapack 1.4.2 bug (github phretaddin/schemapack#30): NOT golden, see README.md', demos: issue30()},
  };
  assert.strictEqual(result.schemapack, '1.4.2');
  assert.strictEqual(result['msgpack-lite'], '0.1.26');
  fs.writeFileSync(path.join(__dirname, 'vectors.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`${vectors.length} vectors, ${packed.length} packed, ${out.length} bundles -> vectors.json`);
}

main();
