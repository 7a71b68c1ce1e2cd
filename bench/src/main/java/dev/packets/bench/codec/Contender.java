package dev.packets.bench.codec;

/**
 * One serializer under test: {@link #encode} writes a packet into the contender's own output (a fresh array or a
 * reused buffer, whichever is its idiomatic fast path) and {@link #decode} reads the last output back.
 */
abstract class Contender {
  /** Encodes and returns the encoded length. */
  abstract int encode(Object packet);

  /** Decodes what the last {@link #encode} wrote. */
  abstract Object decode();

  /** A copy of the last encoding, for reports and checks. */
  abstract byte[] bytes();
}
