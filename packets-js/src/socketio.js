// Packets through Socket.IO (socket.io-client): a packet is a binary event named by its id, acked by the server.
import { io } from 'socket.io-client';

/** Socket.IO's wire, with the same face as LaneWire (see Client: onReady, onRefused, onClose, onPacket…). */
export class SocketIoWire {
  constructor(client, base, options) {
    this.name = 'socket.io';
    this.client = client;
    this.options = options;
    this.reconnection = options.reconnection ?? true;
    this.socket = this.connect(base);
  }

  connect(base) {
    const client = this.client;
    this.socket = io(base, {
      transports: this.options.transports ?? ['websocket'],
      auth: this.socket?.auth ?? this.options.auth,
      reconnection: this.reconnection,
      forceNew: true,
    });
    this.socket.on('packets:ready', (info) => client.onReady(info));
    this.socket.on('packets:refused', (info) => client.onRefused(info ?? {}));
    this.socket.on('packets:close', (info) => { this.closeReason = info?.reason; client.onClose(info ?? {}); });
    this.socket.on('connect_error', (e) => client.onConnectError(e, this));
    this.socket.on('disconnect', (reason) => {
      client.onDisconnect(reason);
      // socket.io-client does not come back by itself after the server closed the socket; a server shutting down
      // (a restart, a deploy) is worth coming back to, a server that kicked us out is not
      if (reason === 'io server disconnect' && this.reconnection && this.closeReason === 'server shutting down') {
        setTimeout(() => this.socket.connect(), 100);
      }
    });
    this.socket.onAny((event, ...args) => {
      if (!/^\d+$/.test(event)) return;
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const raw = args[0];
      const bytes = raw instanceof ArrayBuffer ? new Uint8Array(raw)
        : new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      client.onPacket(Number(event), bytes, ack && ((outcome) => (outcome.error ? ack(outcome.error)
        : ack(null, outcome.value ?? null))));
    });
    return this.socket;
  }

  /**
   * Connects to another node of the same application with this session: socket.io-client keeps the session's pid
   * and last offset in fields of its socket (`_pid`, `_lastOffset`, socket.io-client 4.6 to 4.8), which the new
   * socket takes before its CONNECT goes out; the old connection is dropped without a goodbye.
   */
  moveTo(base) {
    const old = this.socket;
    old.io.reconnection(false);
    old.offAny();
    old.off();
    const fresh = this.connect(base);
    fresh._pid = old._pid;
    fresh._lastOffset = old._lastOffset;
    const ws = old.io.engine?.transport?.ws;
    if (ws && typeof ws.terminate === 'function') ws.terminate();
    else if (ws) ws.close(4000, 'moving');
    else old.io.engine?.close();
  }

  /** Whether the latest (re)connect recovered the session (socket.io's connection state recovery). */
  get recovered() {
    return this.socket.recovered === true;
  }

  /** Sends packet `id` and resolves with the ack's arguments, [error, value, id]. */
  send(id, payload, timeout, name) {
    return new Promise((resolve) => {
      this.socket.timeout(timeout).emit(String(id), payload, (timedOut, ...args) => {
        resolve(timedOut ? [{ code: 408, reason: `no response to ${name} within ${timeout} ms` }] : args);
      });
    });
  }

  request(event, data, timeout) {
    return new Promise((resolve) => {
      this.socket.timeout(timeout).emit(event, data, (timedOut, ...args) => {
        resolve(timedOut ? [{ code: 408, reason: `no answer to ${event}` }] : args);
      });
    });
  }

  stopReconnecting() {
    this.reconnection = false;
    this.socket.io.reconnection(false);
  }

  setAuth(auth) {
    this.socket.auth = auth;
  }

  close() {
    this.socket.close();
  }

  /** Drops the connection without a goodbye, as a broken network would (for tests). */
  drop() {
    this.socket.io.engine.transport.ws.terminate();
  }
}
