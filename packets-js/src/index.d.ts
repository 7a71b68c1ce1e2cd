export type Dehydrated = [name: string, data?: unknown];

export class PacketError extends Error {
  code: number;
  reason: string;
}
export class EncodeError extends Error {}
export class DecodeError extends Error {}

export interface Table {
  fingerprint: string;
  packets: { id: number; name: string; schema: unknown; packed: string[]; extensions?: string[] }[];
}

export interface Limits {
  maxPacketBytes: number; maxStringBytes: number; maxBufferBytes: number; maxListLength: number; maxBundleDepth: number;
}
export const DEFAULT_LIMITS: Limits;

export interface Acceptor<D = unknown> {
  validate?(data: D): void | Promise<void>;
  respond?(data: D): unknown | Promise<unknown>;
}

export interface ConnectOptions {
  table?: Table;
  /** Connect even to a server whose packet table differs (by default the connect fails with 409, naming the first packet that differs). */
  allowRegistryMismatch?: boolean;
  auth?: Record<string, unknown>;
  timeout?: number;
  /**
   * The way packets travel: 'auto' (the default) takes the packets lane, one websocket frame per packet, and
   * Socket.IO when the lane's upgrade is refused; 'lane' or 'socket.io' take only that one.
   */
  transport?: 'auto' | 'lane' | 'socket.io';
  /** Socket.IO's transports (when on Socket.IO); asking for 'polling' means Socket.IO. */
  transports?: ('websocket' | 'polling')[];
  reconnection?: boolean;
  limits?: Partial<Limits>;
  /** Logs each (re)connect with console.debug: the server, the way, its packet table's fingerprint, the wire version. */
  debug?: boolean;
}

/**
 * A client; typed by the server's packets when given them: `connect<Packets>(url)`, with `Packets` from the server's
 * `/packets/packets.d.ts` (then `send(['Move', {entity: 'x'}])` is a type error).
 */
export interface Client<P extends object = Record<string, unknown>> {
  /** Sends a packet; the promise holds the response: JSON-like data, or a packet `['Name', data]`. */
  send<N extends keyof P & string>(packet: [name: N, data: P[N]]): Promise<unknown>;
  /**
   * Sends a packet whose answer is a packet `reply`, and gives that packet's data, typed: `request(['Account', a],
   * 'Account')` is a `Promise<Packets['Account']>`. Rejects with PacketError 502 when the answer is anything else.
   */
  request<N extends keyof P & string, R extends keyof P & string>(packet: [name: N, data: P[N]], reply: R):
    Promise<P[R]>;
  accept<N extends keyof P & string>(name: N, acceptor: Acceptor<P[N]> | ((data: P[N]) => unknown)): Client<P>;
  on(event: 'connect' | 'reconnect', listener: (info: { recovered: boolean }) => void): Client<P>;
  on(event: 'disconnect' | 'close' | 'packet' | 'redirect' | 'refresh',
     listener: (...args: unknown[]) => void): Client<P>;
  /** Whether the latest (re)connect recovered the session (a server built with recovery()). */
  readonly recovered: boolean;
  /** What the server's authentication driver told this client of its session (e.g. {id, roles}), or null. */
  readonly session: unknown;
  /** Why the server closed the socket (`packets:close`), e.g. "token expired". */
  readonly closeReason?: string;
  /** Presents new credentials ({token}) on the open connection; resolves with the new session data. */
  reauthenticate(auth: Record<string, unknown>): Promise<unknown>;
  stats: { packetsIn: number; packetsOut: number; bytesIn: number; bytesOut: number };
  /** The way its packets travel now. */
  readonly transport: 'lane' | 'socket.io';
  /**
   * Moves to another node of the same application (one that sent a Redirect, say) with this session; 'reconnect'
   * ({recovered}) tells when it is there.
   */
  moveTo(url: string): void;
  close(): void;
  /** Drops the connection without a goodbye, as a broken network would (for tests of recovery). */
  drop(): void;
}

/** The version of the packets wire this client speaks; the server shows its own in /health. */
export const WIRE_VERSION: string;
export function connect<P extends object = Record<string, unknown>>(url: string, options?: ConnectOptions):
  Promise<Client<P>>;
export function compile(name: string, schema: unknown, packed?: string[], limits?: Limits):
  { encode(data: unknown): Uint8Array; decode(bytes: Uint8Array): unknown };
export class Registry {
  constructor(table: Table, limits?: Limits);
  id(name: string): number;
  encode(packet: Dehydrated): Uint8Array;
  decode(id: number, bytes: Uint8Array): Dehydrated;
}
export function fingerprint(table: Table): Promise<string>;
/** The first difference between two packet tables, said for a person, or null when they hold the same packets. */
export function firstDifference(ours: Table, theirs: Table): string | null;
