// msgpack as msgpack-lite 0.1.26 writes it (what schemapack peers and the Java codec write), so that a packed value
// has the same bytes whichever side packed it. Where @msgpack/msgpack differs (it writes integers beyond int32 as
// ints, lone surrogates as CESU bytes, and bin8 up to 255 bytes), this follows msgpack-lite:
//   a number that is not an int32 is a float64:   2 ** 31 → cb 41 e0 00 00 00 00 00 00
//   strings are UTF-8 as TextEncoder writes it:    '\ud800' → a3 ef bf bd
//   binary uses bin8 below 255 bytes only:         255 bytes → c5 00 ff …
// Reading is left to @msgpack/msgpack, which reads every format.
import { EncodeError } from './errors.js';

const textEncoder = new TextEncoder();

class Out {
  constructor() { this.buf = new Uint8Array(64); this.view = new DataView(this.buf.buffer); this.pos = 0; }
  room(n) {
    if (this.pos + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger; this.view = new DataView(bigger.buffer);
  }
  u8(v) { this.room(1); this.buf[this.pos++] = v; }
  u16(v) { this.room(2); this.view.setUint16(this.pos, v); this.pos += 2; }
  u32(v) { this.room(4); this.view.setUint32(this.pos, v); this.pos += 4; }
  bytes(b) { this.room(b.length); this.buf.set(b, this.pos); this.pos += b.length; }
  // A length header: the fix form below fixLimit, else the 8- (strings only: f8 > 0), 16- and 32-bit forms.
  head(v, [fix, fixLimit, f8, f16, f32]) {
    if (v < fixLimit) this.u8(fix | v);
    else if (f8 > 0 && v <= 0xff) { this.u8(f8); this.u8(v); }
    else if (v <= 0xffff) { this.u8(f16); this.u16(v); }
    else { this.u8(f32); this.u32(v); }
  }
}

const STR = [0xa0, 32, 0xd9, 0xda, 0xdb];
const ARRAY = [0x90, 16, 0, 0xdc, 0xdd];
const MAP = [0x80, 16, 0, 0xde, 0xdf];

function number(out, v) {
  const i = v | 0;
  if (v !== i) { out.u8(0xcb); out.room(8); out.view.setFloat64(out.pos, v); out.pos += 8; return; }
  if (i >= -0x20 && i <= 0x7f) out.u8(i & 0xff);
  else if (i >= 0) {
    if (i <= 0xff) { out.u8(0xcc); out.u8(i); } else if (i <= 0xffff) { out.u8(0xcd); out.u16(i); } else { out.u8(0xce); out.u32(i); }
  } else if (i >= -0x80) { out.u8(0xd0); out.u8(i & 0xff); }
  else if (i >= -0x8000) { out.u8(0xd1); out.u16(i & 0xffff); }
  else { out.u8(0xd2); out.u32(i >>> 0); }
}

function value(out, v, path, depth, maxDepth) {
  if (depth > maxDepth) throw new EncodeError(`${path}: packed value nests deeper than the limit of ${maxDepth}`);
  if (v === null || v === undefined) out.u8(0xc0);
  else if (v === false) out.u8(0xc2);
  else if (v === true) out.u8(0xc3);
  else if (typeof v === 'number') number(out, v);
  else if (typeof v === 'string') { const b = textEncoder.encode(v); out.head(b.length, STR); out.bytes(b); }
  else if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
    const b = v instanceof Uint8Array ? v : new Uint8Array(v);
    if (b.length < 0xff) { out.u8(0xc4); out.u8(b.length); } else if (b.length <= 0xffff) { out.u8(0xc5); out.u16(b.length); } else { out.u8(0xc6); out.u32(b.length); }
    out.bytes(b);
  } else if (Array.isArray(v)) {
    out.head(v.length, ARRAY);
    v.forEach((item, i) => value(out, item, `${path}[${i}]`, depth + 1, maxDepth));
  } else if (typeof v === 'object') {
    const keys = Object.keys(v);
    out.head(keys.length, MAP);
    for (const k of keys) {
      const b = textEncoder.encode(k); out.head(b.length, STR); out.bytes(b);
      value(out, v[k], `${path}.${k}`, depth + 1, maxDepth);
    }
  } else throw new EncodeError(`${path}: a ${typeof v} is not JSON-like (null, boolean, number, string, bytes, array, object)`);
}

/** Packs a JSON-like value as msgpack-lite does. */
export function pack(v, path = 'value', maxDepth = 64) {
  const out = new Out();
  value(out, v, path, 0, maxDepth);
  return out.buf.slice(0, out.pos);
}
