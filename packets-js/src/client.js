// The packets client: dehydrated packets ['Name', data] in schemapack's bytes, on the packets lane (one websocket frame
// per packet) or, when the lane is refused, through Socket.IO.
import { LaneWire } from './lane.js';
import { SocketIoWire } from './socketio.js';
import { Registry, fingerprint, firstDifference, DEFAULT_LIMITS, WIRE_VERSION } from './codec.js';

/** An error answer from the other side: {code, reason}. */
export class PacketError extends Error {
  constructor(code, reason) { super(reason); this.code = code; this.reason = reason; }
}

const isBrowser = typeof window !== 'undefined' && typeof window.location !== 'undefined';

class Client {
  constructor(url, registry, options) {
    this.url = url;
    this.registry = registry;
    this.options = options;
    this.timeout = options.timeout ?? 10000;
    this.acceptors = new Map();
    this.listeners = new Map();
    this.stats = { packetsIn: 0, packetsOut: 0, bytesIn: 0, bytesOut: 0 };
    this.ready = new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
    this.accept('Redirect', { respond: (location) => this.redirect(location) });
    this.accept('Refresh', { respond: () => this.refresh() });
  }

  /** The way its packets travel now: 'lane' or 'socket.io'. */
  get transport() {
    return this.wire.name;
  }

  // ---- what the wire tells

  onReady(info) {
    const theirs = info?.fingerprint;
    if (!this.connectedOnce && theirs && theirs !== this.registry.table.fingerprint
      && !this.options.allowRegistryMismatch) {
      // another packet table: a packet sent would be another packet there; say which one differs first
      this.wire.stopReconnecting();
      this.wire.close();
      tableOf(this.url).then((table) => firstDifference(this.registry.table, table),
        (e) => `its table at ${this.url}/packets/schema.json could not be read (${e.message})`)
        .then((why) => this.settle.reject(new PacketError(409, `server ${this.url} speaks packet registry ${theirs}, `
          + `this client ${this.registry.table.fingerprint}: ${why} (allowRegistryMismatch: true connects anyway)`)));
      return;
    }
    this.session = info?.session ?? null;
    if (this.options.debug) {
      console.debug(`packets: ${this.connectedOnce ? 'reconnected' : 'connected'} to ${this.url} on ${this.wire.name}: `
        + `packet table ${theirs ?? this.registry.table.fingerprint}, wire ${WIRE_VERSION}`
        + `${info?.recovered === true ? ', session recovered' : ''}`);
    }
    // a server that keeps sessions says whether this connect recovered ours
    this.emit(this.connectedOnce ? 'reconnect' : 'connect', { recovered: info?.recovered === true });
    this.connectedOnce = true;
    this.settle.resolve(this);
  }

  onRefused({ code, reason }) {
    this.settle.reject(new PacketError(code ?? 401, reason));
  }

  onClose({ reason }) {
    this.closeReason = reason;
    this.emit('close', reason);
  }

  onDisconnect(reason) {
    this.emit('disconnect', reason);
  }

  onConnectError(error) {
    if (!this.connectedOnce) this.settle.reject(error);
  }

  /** A packet the server pushed: to its acceptor; `answer` ({error} or {value}) when the server wants one. */
  async onPacket(id, bytes, answer) {
    this.stats.packetsIn++;
    this.stats.bytesIn += bytes.length;
    let outcome;
    try {
      outcome = await this.dispatch(this.registry.decode(id, bytes));
    } catch (e) {
      outcome = e instanceof PacketError ? e : new PacketError(500, e.message);
    }
    if (!answer) return;
    answer(outcome instanceof PacketError ? { error: { code: outcome.code, reason: outcome.reason } }
      : { value: outcome ?? null });
  }

  /**
   * Whether the latest (re)connect recovered this client's session: same socket id, rooms and attributes, and the
   * packets pushed while it was away delivered in order (a server built with recovery()).
   */
  get recovered() {
    return this.wire.recovered === true;
  }

  /**
   * Presents new credentials ({token: fresh}) on the open connection, before the old ones expire: resolves with the
   * new session data the server's driver sends (also `client.session`); rejects with PacketError when refused, and
   * the connection stays as it was. Reconnections present the new credentials from then on.
   */
  async reauthenticate(auth) {
    const [error, answer] = await this.wire.request('packets:reauthenticate', auth, this.timeout);
    if (error) throw new PacketError(error.code, error.code === 408 ? 'no answer to the re-authentication' : error.reason);
    this.wire.setAuth(auth);
    this.session = answer?.session ?? null;
    return this.session;
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
    return this.wire.send(id, payload, this.timeout, packet[0]).then((args) => this.response(args));
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

  /**
   * Moves to another node of the same application (one that sent a Redirect, say) with this session: the
   * connection here drops without a goodbye and is made again at `url`'s origin naming the session, so a server
   * that recovers sessions across nodes hands it over (its id, attributes, rooms, the pushes it missed). The packet
   * table is not fetched again. Listen for 'reconnect' ({recovered}) to know when it is there.
   */
  moveTo(url) {
    const base = new URL(url).origin;
    if (base === this.url) return;
    this.url = base;
    this.wire.moveTo(base);
  }

  refresh() {
    if (isBrowser) window.location.reload();
    this.emit('refresh');
    return null;
  }

  close() {
    this.wire.close();
  }

  /** Drops the connection without a goodbye, as a broken network would (for tests of recovery). */
  drop() {
    this.wire.drop();
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
  const transport = options.transport ?? 'auto';
  if (transport === 'socket.io' || (transport === 'auto' && options.transports?.includes('polling'))) {
    client.wire = new SocketIoWire(client, base, options);
    return client.ready;
  }
  const WebSocketClass = globalThis.WebSocket ?? (await import('ws')).default;
  if (transport === 'lane') {
    client.wire = new LaneWire(client, base, options, WebSocketClass);
    return client.ready;
  }
  // the lane, and Socket.IO when the lane's upgrade is refused (a proxy that passes only Socket.IO's path)
  const lane = new Promise((resolve) => {
    const probe = {
      onReady: (info) => resolve(['ready', info]),
      onConnectError: () => resolve(['refused']),
      onRefused: (info) => resolve(['refusal', info]),
      onClose: () => {}, onDisconnect: () => {}, onPacket: () => {},
    };
    client.wire = new LaneWire(probe, base, options, WebSocketClass);
  });
  const [outcome, info] = await lane;
  if (outcome === 'refused') {
    client.wire = new SocketIoWire(client, base, options);
    return client.ready;
  }
  client.wire.client = client;
  if (outcome === 'refusal') client.onRefused(info ?? {});
  else client.onReady(info);
  return client.ready;
}
