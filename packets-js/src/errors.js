// The codec's two errors: a value that cannot be encoded, bytes that cannot be decoded. Messages name the packet,
// the field path, the value and the limit, as the Java codec's do.
export class EncodeError extends Error {}
export class DecodeError extends Error {}
