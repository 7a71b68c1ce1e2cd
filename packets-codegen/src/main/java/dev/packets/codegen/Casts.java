package dev.packets.codegen;

/**
 * The cast from what a wire class returns (an {@code int} for the integer types up to varuint, a {@code long} for
 * uint32 and the 64-bit types) to the carrier: {@code (byte)}, {@code (short)}, {@code (char)}, {@code (long)} or nothing.
 */
final class Casts {
  private Casts() {}

  static String of(TypeModel.Scalar s) {
    return switch (s.carrier()) {
      case BYTE -> "(byte) ";
      case SHORT -> "(short) ";
      case CHAR -> "(char) ";
      case LONG -> s.wire() == WireType.VARINT || s.wire() == WireType.VARUINT ? "(long) " : "";
      default -> "";
    };
  }
}
