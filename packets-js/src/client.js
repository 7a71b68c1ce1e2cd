// The packets client: dehydrated packets ['Name', data] over Socket.IO, in schemapack's bytes.
import { io } from 'socket.io-client';
import { Registry, fingerprint, firstDifference, DEFAULT_LIMITS } from './codec.js';

/** An error answer from the other side: {code, reason}. */
export class PacketError extends Error {
  constructor(code, reason) { super(reason); this.code = code; this.reason = reason; }
}

const isBrowser = typeof window !== 'undefined' && typeof window.location !== 'undefined';

class Client {
  constructor(url, registry, options) {
    this.url = url;
    this.registry = registry;
    this.timeout = options.timeout ?? 10000;
    this.acceptors = new Map();
    this.listeners = new Map();
    this.stats = { packetsIn: 0, packetsOut: 0, bytesIn: 0, bytesOut: 0 };
    this.socket = io(url, {
      transports: options.transports ?? ['websocket'],
      auth: options.auth,
      reconnection: options.reconnection ?? true,
    });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('packets:ready', (info) => {
        const theirs = info?.fingerprint;
        if (!theirs || theirs === registry.table.fingerprint || options.allowRegistryMismatch) {
          resolve(this);
          return;
        }
        // another packet table: a packet sent would be another packet there; say which one differs first
        this.reconnection = false;
        this.socket.io.reconnection(false);
        this.socket.close();
        tableOf(url).then((table) => firstDifference(registry.table, table),
          (e) => `its table at ${url}/packets/schema.json could not be read (${e.message})`)
          .then((why) => reject(new PacketError(409, `server ${url} speaks packet registry ${theirs}, this client `
            + `${registry.table.fingerprint}: ${why} (allowRegistryMismatch: true connects anyway)`)));
      });
      this.socket.once('packets:refused', ({ code, reason }) => reject(new PacketError(code ?? 401, reason)));
      this.socket.once('connect_error', (e) => reject(e));
    });
    // a server that keeps sessions says whether this connect recovered ours (socket.io's connection state recovery)
    this.socket.on('packets:ready', (info) => this.emit(this.connectedOnce ? 'reconnect' : 'connect',
      { recovered: info?.recovered === true }));
    this.socket.on('packets:ready', (info) => { this.connectedOnce = true; this.session = info?.session ?? null; });
    this.reconnection = options.reconnection ?? true;
    this.socket.on('disconnect', (reason) => {
      this.emit('disconnect', reason);
      // socket.io-client does not come back by itself after the server closed the socket; a server shutting down
      // (a restart, a deploy) is worth coming back to, a server that kicked us out is not
      if (reason === 'io server disconnect' && this.reconnection && this.closeReason === 'server shutting down') {
        setTimeout(() => this.socket.connect(), 100);
      }
    });
    this.socket.on('packets:close', ({ reason }) => { this.closeReason = reason; this.emit('close', reason); });
    this.socket.onAny((event, ...args) => this.onEvent(event, args));
    this.accept('Redirect', { respond: (location) => this.redirect(location) });
    this.accept('Refresh', { respond: () => this.refresh() });
  }

  /**
   * Whether the latest (re)connect recovered this client's session: same socket id, rooms and attributes, and the
   * packets pushed while it was away delivered in order (a server built with recovery()).
   */
  get recovered() {
    return this.socket.recovered === true;
  }

  /**
   * Presents new credentials ({token: fresh}) on the open connection, before the old ones expire: resolves with the
   * new session data the server's driver sends (also `client.session`); rejects with PacketError when refused, and
   * the connection stays as it was. Reconnections present the new credentials from then on.
   */
  reauthenticate(auth) {
    return new Promise((resolve, reject) => {
      this.socket.timeout(this.timeout).emit('packets:reauthenticate', auth, (timedOut, error, answer) => {
        if (timedOut) reject(new PacketError(408, 'no answer to the re-authentication'));
        else if (error) reject(new PacketError(error.code, error.reason));
        else {
          this.socket.auth = auth;
          this.session = answer?.session ?? null;
          resolve(this.session);
        }
      });
    });
  }

  /** on('connect' | 'reconnect' | 'disconnect' | 'close' | 'packet', listener); connect and reconnect get {recovered} */
  on(event, listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(listener);
    return this;
  }

  emit(event, ...args) {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  /** Answers packets of `name` that the server pushes: {validate(data), respond(data)} → the ack. */
  accept(name, acceptor) {
    this.acceptors.set(name, typeof acceptor === 'function' ? { respond: acceptor } : acceptor);
    return this;
  }

  /** send(['Name', data]) → Promise of the response; rejects with PacketError {code, reason}. */
  send(packet) {
    let payload;
    let id;
    try {
      payload = this.registry.encode(packet);
      id = this.registry.id(packet[0]);
    } catch (e) {
      return Promise.reject(e);
    }
    this.stats.packetsOut++;
    this.stats.bytesOut += payload.length;
    return new Promise((resolve, reject) => {
      this.socket.timeout(this.timeout).emit(String(id), payload, (err, ...args) => {
        if (err) {
          reject(new PacketError(408, `no response to ${packet[0]} within ${this.timeout} ms`));
          return;
        }
        try {
          resolve(this.response(args));
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  /**
   * request(['Name', data], 'Reply') → Promise of the data of the packet the server answers with, which must be a
   * Reply (typed by connect<Packets>: Packets['Reply']); rejects with PacketError 502 when the answer is anything else.
   */
  async request(packet, reply) {
    const answer = await this.send(packet);
    if (!Array.isArray(answer) || answer[0] !== reply) {
      const got = Array.isArray(answer) ? `packet ${answer[0]}` : JSON.stringify(answer) ?? String(answer);
      throw new PacketError(502, `${packet[0]}: the answer is ${got}, not packet ${reply}`);
    }
    return answer[1];
  }

  response(args) {
    const [error, value, id] = args;
    if (error) throw new PacketError(error.code, error.reason);
    if (id !== undefined && (value instanceof ArrayBuffer || ArrayBuffer.isView(value))) {
      const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
      this.stats.bytesIn += bytes.length;
      return this.registry.decode(id, bytes);
    }
    return value;
  }

  async onEvent(event, args) {
    if (!/^\d+$/.test(event)) return;
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    const raw = args[0];
    const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw) : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
    this.stats.packetsIn++;
    this.stats.bytesIn += bytes.length;
    let outcome;
    try {
      const packet = this.registry.decode(Number(event), bytes);
      outcome = await this.dispatch(packet);
    } catch (e) {
      outcome = e instanceof PacketError ? e : new PacketError(500, e.message);
    }
    if (!ack) return;
    if (outcome instanceof PacketError) ack({ code: outcome.code, reason: outcome.reason });
    else ack(null, outcome ?? null);
  }

  async dispatch([name, data]) {
    this.emit('packet', [name, data]);
    if (name === 'Bundle' && !this.acceptors.has('Bundle')) {
      const out = [];
      for (const child of data) out.push(await this.dispatch(child));
      return out;
    }
    const acceptor = this.acceptors.get(name);
    if (!acceptor) return null;
    if (acceptor.validate) await acceptor.validate(data);
    return acceptor.respond ? acceptor.respond(data) : null;
  }

  redirect(location) {
    const target = typeof location === 'string' ? location : location?.location;
    if (isBrowser) window.location.assign(target);
    this.emit('redirect', target);
    return null;
  }

  refresh() {
    if (isBrowser) window.location.reload();
    this.emit('refresh');
    return null;
  }

  close() {
    this.socket.close();
  }
}

/**
 * Connects to a packets server: loads its registry from /packets/schema.json (or options.table), checks the
 * fingerprint, and resolves once the server has accepted the connection.
 */
async function tableOf(base) {
  const response = await fetch(`${base}/packets/schema.json`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export async function connect(url, options = {}) {
  const base = String(url).replace(/\/+$/, '');
  const table = options.table ?? await tableOf(base);
  const computed = await fingerprint(table);
  if (computed !== table.fingerprint) {
    throw new Error(`registry fingerprint mismatch: the table says ${table.fingerprint}, its content hashes to ${computed}`);
  }
  const client = new Client(base, new Registry(table, { ...DEFAULT_LIMITS, ...options.limits }), options);
  return client.ready;
}
