// The packets lane: packets over a plain websocket at /packets/lane (subprotocol packets.1), one binary frame per
// packet and per answer, JSON events as text frames. The frame shapes are documented, byte by byte, in
// docs/wire-format.md ("The packets lane"); the Java side writes them in LaneFrames.
export const PATH = '/packets/lane';
export const SUBPROTOCOL = 'packets.1';
const PUSH = 1;
const SEND = 2;
const REPLY = 3;
const VALUE = 4;
const ERROR = 5;
const PUSH_AT = 6;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

function varuintSize(value) {
  let n = 1;
  while ((value >>>= 7) !== 0) n++;
  return n;
}

function putVaruint(out, at, value) {
  while (value > 0x7f) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

/** A frame: its kind, then varuints, then the body. */
function frame(kind, numbers, body) {
  let size = 1 + body.length;
  for (const n of numbers) size += varuintSize(n);
  const out = new Uint8Array(size);
  out[0] = kind;
  let at = 1;
  for (const n of numbers) at = putVaruint(out, at, n);
  out.set(body, at);
  return out;
}

/** Reads a varuint at `at`: [value, next]; throws for a truncated or overlong one. */
function readVaruint(bytes, at) {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    if (at >= bytes.length) throw new Error('a lane frame ends inside a number');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** (7 * i);
    if ((b & 0x80) === 0) return [value, at];
  }
  throw new Error('a lane number of more than 5 bytes');
}

/**
 * The lane's wire: what the client does becomes frames, and frames become what the client handles
 * (see Client: onReady, onRefused, onClose, onDisconnect, onConnectError, onPacket).
 */
export class LaneWire {
  constructor(client, base, options, WebSocketClass) {
    this.name = 'lane';
    this.client = client;
    this.url = base.replace(/^http/, 'ws') + PATH;
    this.auth = options.auth;
    this.reconnection = options.reconnection ?? true;
    this.WebSocket = WebSocketClass;
    this.pending = new Map();
    this.nextAck = 0;
    this.pid = null;
    this.offset = null;
    this.recovered = false;
    this.backoff = 100;
    this.closedByUs = false;
    this.open();
  }

  open() {
    const ws = new this.WebSocket(this.url, SUBPROTOCOL);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.opened = false;
    ws.onopen = () => {
      this.opened = true;
      const hello = {};
      if (this.auth !== undefined) hello.auth = this.auth;
      if (this.pid) hello.pid = this.pid;
      if (this.pid && this.offset) hello.offset = this.offset;
      ws.send(JSON.stringify(['packets:hello', hello]));
    };
    ws.onmessage = (event) => this.message(event.data);
    ws.onerror = () => {};
    ws.onclose = (event) => this.closed(event.code, event.reason);
  }

  message(data) {
    if (typeof data === 'string') {
      const [name, info] = JSON.parse(data);
      if (name === 'packets:ready') {
        this.backoff = 100;
        this.everReady = true;
        this.recovered = this.pid !== null && info?.pid === this.pid;
        if (!this.recovered) this.offset = null;
        this.pid = info?.pid ?? null;
        this.client.onReady(info);
      } else if (name === 'packets:refused') {
        this.refused = true;
        this.client.onRefused(info ?? {});
      } else if (name === 'packets:close') {
        this.closeReason = info?.reason;
        this.client.onClose(info ?? {});
      }
      return;
    }
    const bytes = new Uint8Array(data);
    const kind = bytes[0];
    let at = 1;
    let ack = 0;
    let id = 0;
    let offset = null;
    if (kind === PUSH_AT) {
      const length = bytes[1];
      offset = fromUtf8.decode(bytes.subarray(2, 2 + length));
      at = 2 + length;
    }
    if (kind !== PUSH && kind !== PUSH_AT) [ack, at] = readVaruint(bytes, at);
    if (kind !== VALUE && kind !== ERROR) [id, at] = readVaruint(bytes, at);
    const body = bytes.subarray(at);
    if (kind === PUSH || kind === PUSH_AT || kind === SEND) {
      if (offset && this.pid) this.offset = offset;
      const answer = kind === SEND ? (outcome) => this.answer(ack, outcome) : null;
      this.client.onPacket(id, body, answer);
      return;
    }
    const waiting = this.pending.get(ack);
    if (!waiting) return;
    this.pending.delete(ack);
    clearTimeout(waiting.timer);
    if (kind === REPLY) waiting.resolve([null, body, id]);
    else if (kind === VALUE) waiting.resolve([null, JSON.parse(fromUtf8.decode(body))]);
    else if (kind === ERROR) waiting.resolve([JSON.parse(fromUtf8.decode(body))]);
  }

  /** Answers the server's send `ack`: outcome is {code, reason} (an error), {id, payload} (a packet) or a value. */
  answer(ack, outcome) {
    if (this.ws.readyState !== 1) return;
    if (outcome?.error) {
      this.ws.send(frame(ERROR, [ack], utf8.encode(JSON.stringify(outcome.error))));
    } else {
      this.ws.send(frame(VALUE, [ack], utf8.encode(JSON.stringify(outcome.value ?? null))));
    }
  }

  /** Waits for the answer under a new ack id: resolves with the ack's arguments, [error, value, id]. */
  awaiting(timeout, what, write) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== 1) {
        reject(Object.assign(new Error('not connected'), { code: 503 }));
        return;
      }
      this.nextAck = this.nextAck >= 0x7fffffff ? 1 : this.nextAck + 1;
      const ack = this.nextAck;
      const timer = setTimeout(() => {
        this.pending.delete(ack);
        resolve([{ code: 408, reason: `no response to ${what} within ${timeout} ms` }]);
      }, timeout);
      this.pending.set(ack, { resolve, timer });
      write(ack);
    });
  }

  send(id, payload, timeout, name) {
    return this.awaiting(timeout, name, (ack) => this.ws.send(frame(SEND, [ack, id], payload)));
  }

  request(event, data, timeout) {
    return this.awaiting(timeout, event, (ack) => this.ws.send(JSON.stringify([event, data ?? null, ack])));
  }

  closed(code, reason) {
    const wasOpen = this.opened;
    for (const [, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.resolve([{ code: 503, reason: `connection lost (${reason || code})` }]);
    }
    this.pending.clear();
    if (!wasOpen) {
      this.client.onConnectError(new Error(`the packets lane at ${this.url} is refused (${reason || code})`), this);
    } else {
      this.client.onDisconnect(code === 1000 && !this.closedByUs ? 'io server disconnect' : 'transport close');
    }
    const kicked = code === 1000 && !this.closedByUs && this.closeReason !== 'server shutting down';
    if (this.closedByUs || !this.reconnection || this.refused || kicked || (!wasOpen && !this.everReady)) return;
    const wait = this.backoff;
    this.backoff = Math.min(5000, this.backoff * 2);
    this.closeReason = undefined;
    setTimeout(() => { if (!this.closedByUs) this.open(); }, wait);
  }

  /** Connects to another node of the same application, naming this session (its pid and last offset). */
  moveTo(base) {
    this.url = base.replace(/^http/, 'ws') + PATH;
    this.backoff = 1;
    if (this.ws.readyState <= 1) this.ws.close(4000, 'moving');
  }

  stopReconnecting() {
    this.reconnection = false;
  }

  setAuth(auth) {
    this.auth = auth;
  }

  close() {
    this.closedByUs = true;
    this.ws?.close(1000);
  }

  /** Drops the connection without a goodbye, as a broken network would (for tests). */
  drop() {
    if (typeof this.ws.terminate === 'function') this.ws.terminate();
    else this.ws.close(4000, 'dropped');
  }
}
