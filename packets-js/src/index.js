export { connect, PacketError } from './client.js';
export { compile, Registry, fingerprint, firstDifference, EncodeError, DecodeError, DEFAULT_LIMITS, WIRE_VERSION } from './codec.js';
