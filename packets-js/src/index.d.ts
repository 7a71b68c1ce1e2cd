export type Dehydrated = [name: string, data?: unknown];

export class PacketError extends Error {
  code: number;
  reason: string;
}
export class EncodeError extends Error {}
export class DecodeError extends Error {}

export interface Table {
  fingerprint: string;
  packets: { id: number; name: string; schema: unknown; packed: string[] }[];
}

export interface Limits {
  maxPacketBytes: number; maxStringBytes: number; maxBufferBytes: number; maxListLength: number; maxBundleDepth: number;
}
export const DEFAULT_LIMITS: Limits;

export interface Acceptor {
  validate?(data: unknown): void | Promise<void>;
  respond?(data: unknown): unknown | Promise<unknown>;
}

export interface ConnectOptions {
  table?: Table;
  /** Connect even to a server whose packet table differs (by default the connect fails with 409, naming the first packet that differs). */
  allowRegistryMismatch?: boolean;
  auth?: Record<string, unknown>;
  timeout?: number;
  transports?: ('websocket' | 'polling')[];
  reconnection?: boolean;
  limits?: Partial<Limits>;
}

export interface Client {
  send(packet: Dehydrated): Promise<unknown>;
  accept(name: string, acceptor: Acceptor | ((data: unknown) => unknown)): Client;
  on(event: 'connect' | 'reconnect', listener: (info: { recovered: boolean }) => void): Client;
  on(event: 'disconnect' | 'close' | 'packet' | 'redirect' | 'refresh',
     listener: (...args: unknown[]) => void): Client;
  /** Whether the latest (re)connect recovered the session (a server built with recovery()). */
  readonly recovered: boolean;
  stats: { packetsIn: number; packetsOut: number; bytesIn: number; bytesOut: number };
  close(): void;
}

export function connect(url: string, options?: ConnectOptions): Promise<Client>;
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
