package dev.packets;

/**
 * Upper bounds that encoding, decoding and hydrating enforce, so that no input can make the codec allocate or
 * recurse without bound. Every length prefix is checked against these and against the bytes that remain before
 * anything is allocated.
 *
 * @param maxPacketBytes largest encoded packet, Bundles included (default 1 MiB)
 * @param maxStringBytes largest UTF-8 string (default 64 KiB)
 * @param maxBufferBytes largest {@code buffer} field (default 1 MiB)
 * @param maxListLength most items in one list (default 65,536)
 * @param maxBundleDepth deepest nesting of Bundles in Bundles (default 8)
 * @param maxPackedDepth deepest nesting of lists and maps inside a {@code @Packed} value (default 64)
 * @param maxBundlePackets most packets in one Bundle, those of Bundles nested in it included (default 1,024)
 */
public record PacketLimits(
    int maxPacketBytes,
    int maxStringBytes,
    int maxBufferBytes,
    int maxListLength,
    int maxBundleDepth,
    int maxPackedDepth,
    int maxBundlePackets) {

  /** The safe defaults. */
  public static final PacketLimits DEFAULT = new PacketLimits(1 << 20, 1 << 16, 1 << 20, 1 << 16, 8, 64, 1024);

  public PacketLimits {
    positive("maxPacketBytes", maxPacketBytes);
    positive("maxStringBytes", maxStringBytes);
    positive("maxBufferBytes", maxBufferBytes);
    positive("maxListLength", maxListLength);
    positive("maxBundleDepth", maxBundleDepth);
    positive("maxPackedDepth", maxPackedDepth);
    positive("maxBundlePackets", maxBundlePackets);
  }

  /** The same limits with a Bundle holding at most {@code value} packets. */
  public PacketLimits withMaxBundlePackets(int value) {
    return new PacketLimits(maxPacketBytes, maxStringBytes, maxBufferBytes, maxListLength, maxBundleDepth,
        maxPackedDepth, value);
  }

  public PacketLimits withMaxPacketBytes(int value) {
    return new PacketLimits(value, maxStringBytes, maxBufferBytes, maxListLength, maxBundleDepth, maxPackedDepth,
        maxBundlePackets);
  }

  public PacketLimits withMaxStringBytes(int value) {
    return new PacketLimits(maxPacketBytes, value, maxBufferBytes, maxListLength, maxBundleDepth, maxPackedDepth,
        maxBundlePackets);
  }

  public PacketLimits withMaxBufferBytes(int value) {
    return new PacketLimits(maxPacketBytes, maxStringBytes, value, maxListLength, maxBundleDepth, maxPackedDepth,
        maxBundlePackets);
  }

  public PacketLimits withMaxListLength(int value) {
    return new PacketLimits(maxPacketBytes, maxStringBytes, maxBufferBytes, value, maxBundleDepth, maxPackedDepth,
        maxBundlePackets);
  }

  public PacketLimits withMaxBundleDepth(int value) {
    return new PacketLimits(maxPacketBytes, maxStringBytes, maxBufferBytes, maxListLength, value, maxPackedDepth,
        maxBundlePackets);
  }

  public PacketLimits withMaxPackedDepth(int value) {
    return new PacketLimits(maxPacketBytes, maxStringBytes, maxBufferBytes, maxListLength, maxBundleDepth, value, maxBundlePackets);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
