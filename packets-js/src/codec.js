// Schema-driven codec, byte for byte schemapack 1.4.2 and the Java codecs, on DataView/Uint8Array only.
import { decode as msgpackDecode } from '@msgpack/msgpack';
import { EncodeError, DecodeError } from './errors.js';
import { pack } from './msgpack.js';

export { EncodeError, DecodeError };

const RANGES = {
  int8: [-128, 127], uint8: [0, 255], int16: [-32768, 32767], uint16: [0, 65535],
  int32: [-2147483648, 2147483647], uint32: [0, 4294967295],
  varint: [-1073741824, 1073741823], varuint: [0, 2147483647],
};
const SIZES = { bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, float32: 4, float64: 8, int64: 8, uint64: 8 };
const BIG_RANGES = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n], uint64: [0n, 2n ** 64n - 1n],
  varint64: [-(2n ** 63n), 2n ** 63n - 1n], varuint64: [0n, 2n ** 64n - 1n],
};
const NUMBER_KEYS = new Set(['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'varint', 'varuint']);

/** The tag of an extension shape (['optional', t], ['enum', wire, names], ['map', k, v]), or undefined. */
const tagOf = (type) => (Array.isArray(type) && type.length > 1 && typeof type[0] === 'string' ? type[0] : undefined);
const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/**
 * The version of the packets wire this client speaks (schemapack 1.4.2's bytes, flecks' ids and Bundle framing, the
 * extension types, the packets lane): the same as the Java side's PacketRegistry.WIRE_VERSION, shown in /health.
 */
export const WIRE_VERSION = '1';

export const DEFAULT_LIMITS = {
  maxPacketBytes: 1 << 20, maxStringBytes: 1 << 16, maxBufferBytes: 1 << 20, maxListLength: 1 << 16, maxBundleDepth: 8,
};

/** A growable byte writer. */
class Writer {
  constructor(size = 64) { this.buf = new Uint8Array(size); this.view = new DataView(this.buf.buffer); this.pos = 0; }
  ensure(n) {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  varuint(v) { this.ensure(5); while (v > 0x7f) { this.buf[this.pos++] = (v & 0x7f) | 0x80; v >>>= 7; } this.buf[this.pos++] = v; }
  varuint64(v) { this.ensure(10); while (v > 0x7fn) { this.buf[this.pos++] = Number(v & 0x7fn) | 0x80; v >>= 7n; } this.buf[this.pos++] = Number(v); }
  bytes(b) { this.ensure(b.length); this.buf.set(b, this.pos); this.pos += b.length; }
  result() { return this.buf.slice(0, this.pos); }
}

class Reader {
  constructor(bytes, limits, packet) {
    this.buf = bytes; this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = 0; this.limits = limits; this.packet = packet;
    // items of lists whose items may take no bytes (empty objects): all of one packet's share maxListLength
    this.emptyItems = 0;
  }
  need(n, path) {
    if (this.buf.length - this.pos < n) {
      throw new DecodeError(`${path}: truncated input: needs ${n} byte(s), ${this.buf.length - this.pos} left at byte ${this.pos}`);
    }
    const at = this.pos; this.pos += n; return at;
  }
  varuint(path) {
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.pos >= this.buf.length) throw new DecodeError(`${path}: truncated varuint at byte ${this.pos}`);
      const b = this.buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (result > 0x7fffffff) throw new DecodeError(`${path}: varuint exceeds 2147483647 at byte ${this.pos}`);
        return result;
      }
    }
    throw new DecodeError(`${path}: varuint longer than 5 bytes at byte ${this.pos}`);
  }
  varuint64(path) {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (this.pos >= this.buf.length) throw new DecodeError(`${path}: truncated varuint64 at byte ${this.pos}`);
      const b = this.buf[this.pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) {
        if (shift === 63n && b > 1) throw new DecodeError(`${path}: varuint64 exceeds 18446744073709551615 at byte ${this.pos}`);
        return result;
      }
    }
    throw new DecodeError(`${path}: varuint64 longer than 10 bytes at byte ${this.pos}`);
  }
  length(path, max, what) {
    const at = this.pos;
    const n = this.varuint(path);
    if (n > max) throw new DecodeError(`${path}: ${what} of ${n} bytes exceeds the limit of ${max} at byte ${at}`);
    if (n > this.buf.length - this.pos) {
      throw new DecodeError(`${path}: ${what} of ${n} bytes, but only ${this.buf.length - this.pos} left at byte ${at}`);
    }
    return n;
  }
}

function describe(v) { return typeof v === 'string' ? JSON.stringify(v) : String(v); }

function checkInt(type, v, path) {
  if (typeof v !== 'number') throw new EncodeError(`${path}: ${describe(v)} is not a number (${type})`);
  if (!Number.isInteger(v)) throw new EncodeError(`${path}: ${v} is not an integer (${type})`);
  const [min, max] = RANGES[type];
  if (v < min || v > max) throw new EncodeError(`${path}: ${v} is out of range for ${type} (${min}..${max})`);
}

/** A 64-bit integer to write: a BigInt, or a number that is a safe integer, within the type's range. */
function checkBig(type, v, path) {
  let big;
  if (typeof v === 'bigint') big = v;
  else if (Number.isSafeInteger(v)) big = BigInt(v);
  else throw new EncodeError(`${path}: ${describe(v)} is not a BigInt or a safe integer (${type})`);
  const [min, max] = BIG_RANGES[type];
  if (big < min || big > max) throw new EncodeError(`${path}: ${big} is out of range for ${type} (${min}..${max})`);
  return big;
}

/** A map key as its type takes it: object keys are text, so "12" is the number 12 for a number key. */
function keyOf(keyType, k, path) {
  if (typeof k !== 'string') return k;
  if (typeof keyType === 'string' && keyType in BIG_RANGES) {
    if (!/^-?[0-9]+$/.test(k)) throw new EncodeError(`${path}: key ${describe(k)} is not an integer`);
    return BigInt(k);
  }
  if (NUMBER_KEYS.has(keyType)) {
    if (!/^-?[0-9]+$/.test(k)) throw new EncodeError(`${path}: key ${describe(k)} is not an integer`);
    return Number(k);
  }
  if (keyType === 'bool' || keyType === 'boolean') return k === 'true' ? true : k === 'false' ? false : k;
  return k;
}

function utf8(s, path, limits) {
  if (typeof s !== 'string') throw new EncodeError(`${path}: ${describe(s)} is not a string`);
  const bytes = textEncoder.encode(s); // lone surrogates become EF BF BD, as in Java's codec
  if (bytes.length > limits.maxStringBytes) {
    throw new EncodeError(`${path}: string of ${bytes.length} UTF-8 bytes exceeds the limit of ${limits.maxStringBytes}`);
  }
  return bytes;
}

function toBytes(v, path) {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (Array.isArray(v)) return Uint8Array.from(v);
  if (v && v.type === 'Buffer' && Array.isArray(v.data)) return Uint8Array.from(v.data);
  throw new EncodeError(`${path}: ${describe(v)} is not a buffer`);
}

/** Packs a value as msgpack-lite does, within the buffer limit. */
function packChecked(v, path, limits) {
  const bytes = pack(v, path);
  if (bytes.length > limits.maxBufferBytes) {
    throw new EncodeError(`${path}: packed value of ${bytes.length} bytes exceeds the buffer limit of ${limits.maxBufferBytes}`);
  }
  return bytes;
}

/** Compiles one schema (with its packed field paths) into {encode(data) → Uint8Array, decode(bytes) → data}. */
export function compile(name, schema, packed = [], limits = DEFAULT_LIMITS) {
  const packedSet = new Set(packed);
  const write = (w, type, v, path, wirePath) => {
    if (packedSet.has(wirePath)) {
      const bytes = packChecked(v === undefined ? null : v, path, limits);
      w.varuint(bytes.length); w.bytes(bytes);
      return;
    }
    const tag = tagOf(type);
    if (tag === 'enum') {
      const [, wire, names] = type;
      if (v === undefined || v === null) throw new EncodeError(`${path}: is missing; one of ${names.join(', ')} is required`);
      const ordinal = typeof v === 'string' ? names.indexOf(v) : -1;
      if (ordinal < 0) throw new EncodeError(`${path}: ${describe(v)} is not one of ${names.join(', ')}`);
      if (wire === 'string') write(w, 'string', v, path, null);
      else write(w, wire, ordinal, path, null);
      return;
    }
    if (tag === 'map') {
      const [, keyType, valueType] = type;
      if (v === undefined || v === null) throw new EncodeError(`${path}: is missing; a map is required`);
      if (typeof v !== 'object' || Array.isArray(v)) throw new EncodeError(`${path}: ${describe(v)} is not a map`);
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
      if (entries.length > limits.maxListLength) throw new EncodeError(`${path}: map of ${entries.length} entries exceeds the limit of ${limits.maxListLength}`);
      w.varuint(entries.length);
      for (const [k, item] of entries) {
        write(w, keyType, keyOf(keyType, k, `${path}{key}`), `${path}{key}`, `${wirePath}{key}`);
        write(w, valueType, item, `${path}{value}`, `${wirePath}{value}`);
      }
      return;
    }
    if (tag) throw new EncodeError(`${path}: ${tag} is only a field's type`);
    if (Array.isArray(type)) {
      if (!Array.isArray(v)) throw new EncodeError(`${path}: ${describe(v)} is not a list`);
      if (v.length > limits.maxListLength) throw new EncodeError(`${path}: list of ${v.length} items exceeds the limit of ${limits.maxListLength}`);
      w.varuint(v.length);
      for (const item of v) write(w, type[0], item, `${path}[]`, `${wirePath}[]`);
      return;
    }
    if (typeof type === 'object') {
      if (v === null || typeof v !== 'object') throw new EncodeError(`${path}: ${describe(v)} is not an object`);
      const keys = Object.keys(type).sort();
      const optional = keys.filter((key) => tagOf(type[key]) === 'optional');
      for (let start = 0; start < optional.length; start += 8) { // presence bits, an extension
        let bits = 0;
        for (let i = start; i < Math.min(start + 8, optional.length); i++) {
          if (v[optional[i]] !== undefined && v[optional[i]] !== null) bits |= 1 << (i - start);
        }
        w.ensure(1); w.buf[w.pos++] = bits;
      }
      for (const key of keys) {
        const fieldPath = wirePath ? `${wirePath}.${key}` : key;
        if (tagOf(type[key]) === 'optional') {
          if (v[key] !== undefined && v[key] !== null) write(w, type[key][1], v[key], `${path}.${key}`, fieldPath);
        } else {
          write(w, type[key], v[key], `${path}.${key}`, fieldPath);
        }
      }
      return;
    }
    if (v === undefined || v === null) throw new EncodeError(`${path}: is missing; a ${type} is required`);
    switch (type) {
      case 'bool': case 'boolean':
        if (typeof v !== 'boolean') throw new EncodeError(`${path}: ${describe(v)} is not a boolean (bool)`);
        w.ensure(1); w.buf[w.pos++] = v ? 1 : 0; return;
      case 'int8': checkInt(type, v, path); w.ensure(1); w.view.setInt8(w.pos, v); w.pos += 1; return;
      case 'uint8': checkInt(type, v, path); w.ensure(1); w.view.setUint8(w.pos, v); w.pos += 1; return;
      case 'int16': checkInt(type, v, path); w.ensure(2); w.view.setInt16(w.pos, v); w.pos += 2; return;
      case 'uint16': checkInt(type, v, path); w.ensure(2); w.view.setUint16(w.pos, v); w.pos += 2; return;
      case 'int32': checkInt(type, v, path); w.ensure(4); w.view.setInt32(w.pos, v); w.pos += 4; return;
      case 'uint32': checkInt(type, v, path); w.ensure(4); w.view.setUint32(w.pos, v); w.pos += 4; return;
      case 'float32':
        if (typeof v !== 'number') throw new EncodeError(`${path}: ${describe(v)} is not a number (float32)`);
        w.ensure(4); w.view.setFloat32(w.pos, v); w.pos += 4; return;
      case 'float64':
        if (typeof v !== 'number') throw new EncodeError(`${path}: ${describe(v)} is not a number (float64)`);
        w.ensure(8); w.view.setFloat64(w.pos, v); w.pos += 8; return;
      // the 64-bit extensions: a BigInt, or a number that is a safe integer
      case 'int64': { const big = checkBig(type, v, path); w.ensure(8); w.view.setBigInt64(w.pos, big); w.pos += 8; return; }
      case 'uint64': { const big = checkBig(type, v, path); w.ensure(8); w.view.setBigUint64(w.pos, big); w.pos += 8; return; }
      case 'varuint64': w.varuint64(checkBig(type, v, path)); return;
      case 'varint64': { const big = checkBig(type, v, path); w.varuint64(big < 0n ? (-big << 1n) - 1n : big << 1n); return; }
      case 'varuint': checkInt(type, v, path); w.varuint(v); return;
      case 'varint': checkInt(type, v, path); w.varuint(((v << 1) ^ (v >> 31)) >>> 0); return;
      case 'string': { const b = utf8(v, path, limits); w.varuint(b.length); w.bytes(b); return; }
      case 'buffer': {
        const b = toBytes(v, path);
        if (b.length > limits.maxBufferBytes) throw new EncodeError(`${path}: buffer of ${b.length} bytes exceeds the limit of ${limits.maxBufferBytes}`);
        w.varuint(b.length); w.bytes(b); return;
      }
      default: throw new EncodeError(`${path}: unknown wire type ${type}`);
    }
  };
  const minBytes = (type) => {
    const tag = tagOf(type);
    if (tag === 'optional') return 0;
    if (Array.isArray(type)) return 1;
    if (typeof type === 'object') {
      const optional = Object.values(type).filter((t) => tagOf(t) === 'optional').length;
      return Object.values(type).reduce((a, t) => a + minBytes(t), Math.ceil(optional / 8));
    }
    return SIZES[type] ?? 1;
  };
  const read = (r, type, path, wirePath) => {
    if (packedSet.has(wirePath)) {
      const n = r.length(path, limits.maxBufferBytes, 'buffer');
      const at = r.need(n, path);
      try { return msgpackDecode(r.buf.subarray(at, at + n)); } catch (e) { throw new DecodeError(`${path}: malformed msgpack: ${e.message} at byte ${at}`); }
    }
    const tag = tagOf(type);
    if (tag === 'enum') {
      const [, wire, names] = type;
      const at = r.pos;
      if (wire === 'string') {
        const name = read(r, 'string', path, null);
        if (!names.includes(name)) throw new DecodeError(`${path}: unknown constant ${describe(name)}; constants are ${names.join(', ')} at byte ${at}`);
        return name;
      }
      const ordinal = read(r, wire, path, null);
      if (ordinal >= names.length) throw new DecodeError(`${path}: ordinal ${ordinal} is out of range (0..${names.length - 1}) at byte ${at}`);
      return names[ordinal];
    }
    if (tag === 'map') {
      const [, keyType, valueType] = type;
      const at = r.pos;
      const n = r.varuint(path);
      if (n > limits.maxListLength) throw new DecodeError(`${path}: map of ${n} entries exceeds the limit of ${limits.maxListLength} at byte ${at}`);
      const min = minBytes(keyType) + minBytes(valueType);
      if (n * min > r.buf.length - r.pos) throw new DecodeError(`${path}: map of ${n} entries needs at least ${n * min} bytes, but only ${r.buf.length - r.pos} left at byte ${at}`);
      const out = {};
      for (let i = 0; i < n; i++) {
        const keyAt = r.pos;
        const key = String(read(r, keyType, `${path}{key}`, `${wirePath}{key}`));
        const item = read(r, valueType, `${path}{value}`, `${wirePath}{value}`);
        if (Object.prototype.hasOwnProperty.call(out, key)) throw new DecodeError(`${path}: key ${describe(key)} comes twice at byte ${keyAt}`);
        // defined, not assigned: a key "__proto__" is a key like any other
        Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (Array.isArray(type)) {
      const at = r.pos;
      const n = r.varuint(path);
      if (n > limits.maxListLength) throw new DecodeError(`${path}: list of ${n} items exceeds the limit of ${limits.maxListLength} at byte ${at}`);
      const min = minBytes(type[0]);
      if (min > 0 && n * min > r.buf.length - r.pos) throw new DecodeError(`${path}: list of ${n} items needs at least ${n * min} bytes, but only ${r.buf.length - r.pos} left at byte ${at}`);
      if (min === 0) {
        // not bounded by the bytes left: a few bytes of nested counts would otherwise ask for millions of objects
        r.emptyItems += n;
        if (r.emptyItems > limits.maxListLength) throw new DecodeError(`${path}: list of ${n} items that take no bytes: more than ${limits.maxListLength} such items in one packet at byte ${at}`);
      }
      const out = new Array(n);
      for (let i = 0; i < n; i++) out[i] = read(r, type[0], `${path}[]`, `${wirePath}[]`);
      return out;
    }
    if (typeof type === 'object') {
      const out = {};
      const keys = Object.keys(type).sort();
      const optional = keys.filter((key) => tagOf(type[key]) === 'optional');
      const present = new Set();
      for (let start = 0; start < optional.length; start += 8) {
        const at = r.need(1, path);
        const bits = r.buf[at];
        const used = (1 << Math.min(8, optional.length - start)) - 1;
        if (bits & ~used) throw new DecodeError(`${path}: presence bits 0x${bits.toString(16).padStart(2, '0')} mark fields that do not exist (in use: 0x${used.toString(16).padStart(2, '0')}) at byte ${at}`);
        for (let i = start; i < Math.min(start + 8, optional.length); i++) if (bits & (1 << (i - start))) present.add(optional[i]);
      }
      for (const key of keys) {
        const fieldPath = wirePath ? `${wirePath}.${key}` : key;
        if (tagOf(type[key]) === 'optional') {
          if (present.has(key)) out[key] = read(r, type[key][1], `${path}.${key}`, fieldPath);
        } else {
          out[key] = read(r, type[key], `${path}.${key}`, fieldPath);
        }
      }
      return out;
    }
    switch (type) {
      case 'bool': case 'boolean': return r.buf[r.need(1, path)] !== 0;
      case 'int8': return r.view.getInt8(r.need(1, path));
      case 'uint8': return r.view.getUint8(r.need(1, path));
      case 'int16': return r.view.getInt16(r.need(2, path));
      case 'uint16': return r.view.getUint16(r.need(2, path));
      case 'int32': return r.view.getInt32(r.need(4, path));
      case 'uint32': return r.view.getUint32(r.need(4, path));
      case 'float32': return r.view.getFloat32(r.need(4, path));
      case 'float64': return r.view.getFloat64(r.need(8, path));
      case 'int64': return r.view.getBigInt64(r.need(8, path));
      case 'uint64': return r.view.getBigUint64(r.need(8, path));
      case 'varuint64': return r.varuint64(path);
      case 'varint64': { const z = r.varuint64(path); return (z & 1n) ? -((z + 1n) >> 1n) : z >> 1n; }
      case 'varuint': return r.varuint(path);
      case 'varint': { const z = r.varuint(path); return (z >>> 1) ^ -(z & 1); }
      case 'string': { const n = r.length(path, limits.maxStringBytes, 'string'); const at = r.need(n, path); return textDecoder.decode(r.buf.subarray(at, at + n)); }
      case 'buffer': { const n = r.length(path, limits.maxBufferBytes, 'buffer'); const at = r.need(n, path); return new Uint8Array(r.buf.subarray(at, at + n)); }
      default: throw new DecodeError(`${path}: unknown wire type ${type}`);
    }
  };
  const whole = packedSet.has('');
  return {
    encode(data) {
      const w = new Writer();
      if (whole) {
        const bytes = packChecked(data, name, limits);
        w.varuint(bytes.length); w.bytes(bytes);
      } else {
        write(w, schema, data, name, '');
      }
      if (w.pos > limits.maxPacketBytes) throw new EncodeError(`${name}: packet of ${w.pos} bytes exceeds the limit of ${limits.maxPacketBytes}`);
      return w.result();
    },
    decode(bytes) {
      const r = new Reader(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), limits, name);
      const out = whole ? read(r, 'buffer-packed', name, '') : read(r, schema, name, '');
      if (r.pos !== r.buf.length) throw new DecodeError(`${name}: ${r.buf.length - r.pos} trailing byte(s) after the packet at byte ${r.pos}`);
      return out;
    },
  };
}

/** The registry a server's /packets/schema.json describes: ids, codecs, Bundle framing. */
export class Registry {
  constructor(table, limits = DEFAULT_LIMITS) {
    this.table = table;
    this.limits = limits;
    this.byName = new Map();
    this.byId = new Map();
    for (const p of table.packets) {
      const entry = { ...p };
      if (p.name !== 'Bundle') {
        const packed = p.packed || [];
        entry.codec = compile(p.name, p.schema === 'buffer' && packed.length === 0 ? { value: 'buffer' } : p.schema,
          packed, limits);
        if (p.schema === 'buffer' && !packed.includes('')) entry.bare = true;
      }
      this.byName.set(p.name, entry);
      this.byId.set(p.id, entry);
    }
  }

  id(name) {
    const e = this.byName.get(name);
    if (!e) throw new EncodeError(`unknown packet '${name}'`);
    return e.id;
  }

  /** ['Name', data] → Uint8Array payload. Bundles: ['Bundle', [[name, data], ...]]. */
  encode([name, data], depth = 1) {
    const entry = this.byName.get(name);
    if (!entry) throw new EncodeError(`unknown packet '${name}'`);
    if (name === 'Bundle') {
      if (depth > this.limits.maxBundleDepth) throw new EncodeError(`Bundle.packets: Bundles nest deeper than the limit of ${this.limits.maxBundleDepth}`);
      const frames = [];
      let total = 0;
      for (const child of data) {
        const payload = this.encode(child, depth + 1);
        const frame = new Uint8Array(6 + payload.length);
        const view = new DataView(frame.buffer);
        view.setUint32(0, payload.length, true);
        view.setUint16(4, this.id(child[0]), true);
        frame.set(payload, 6);
        frames.push(frame);
        total += frame.length;
      }
      const w = new Writer(total + 5);
      w.varuint(total);
      for (const f of frames) w.bytes(f);
      return w.result();
    }
    return entry.bare ? entry.codec.encode({ value: data }) : entry.codec.encode(data ?? {});
  }

  /** (id, payload) → ['Name', data]. */
  decode(id, bytes, depth = 1) {
    const entry = this.byId.get(Number(id));
    if (!entry) throw new DecodeError(`unknown packet id ${id}`);
    const buf = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    if (entry.name === 'Bundle') {
      if (depth > this.limits.maxBundleDepth) throw new DecodeError(`Bundle.packets: Bundles nest deeper than the limit of ${this.limits.maxBundleDepth}`);
      const r = new Reader(buf, this.limits, 'Bundle');
      const n = r.length('Bundle.packets', this.limits.maxPacketBytes, 'Bundle');
      const end = r.pos + n;
      const packets = [];
      while (r.pos < end) {
        const at = r.need(6, 'Bundle.packets');
        const length = r.view.getUint32(at, true);
        const childId = r.view.getUint16(at + 4, true);
        if (length > end - r.pos) throw new DecodeError(`Bundle.packets: packet of ${length} bytes, but only ${end - r.pos} left at byte ${at}`);
        const start = r.need(length, 'Bundle.packets');
        packets.push(this.decode(childId, buf.subarray(start, start + length), depth + 1));
      }
      if (r.pos !== buf.length) throw new DecodeError(`Bundle: trailing bytes at byte ${r.pos}`);
      return ['Bundle', packets];
    }
    const data = entry.codec.decode(buf);
    return [entry.name, entry.bare ? data.value : data];
  }
}

/** JSON with object keys sorted and no white space, as the fingerprint hashes it. */
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/**
 * The first difference between two packet tables in id order, said for a person ("packet 3 is Move here and Chat
 * there"), or null when they hold the same packets; the same words as the Java side's PacketTables.
 */
export function firstDifference(ours, theirs) {
  const here = ours?.packets ?? [];
  const there = theirs?.packets ?? [];
  for (let i = 0; i < Math.max(here.length, there.length); i++) {
    const a = here[i];
    const b = there[i];
    const id = i + 1;
    if (!a) return `packet ${id} is ${b.name} there and missing here`;
    if (!b) return `packet ${id} is ${a.name} here and missing there`;
    if (a.name !== b.name) return `packet ${id} is ${a.name} here and ${b.name} there`;
    if (canonical(a.schema) !== canonical(b.schema)) {
      return `packet ${id} (${a.name}) is ${canonical(a.schema)} here and ${canonical(b.schema)} there`;
    }
    if (canonical(a.packed) !== canonical(b.packed)) {
      return `packet ${id} (${a.name}) packs ${canonical(a.packed)} here and ${canonical(b.packed)} there`;
    }
  }
  return null;
}

/** The registry fingerprint: first 16 hex digits of SHA-256 over canonical JSON of [{id, name, packed, schema}]. */
export async function fingerprint(table) {
  const entries = table.packets.map(({ id, name, packed, schema }) => ({ id, name, packed, schema }));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', textEncoder.encode(canonical(entries)));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
