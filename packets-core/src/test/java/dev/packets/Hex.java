package dev.packets;

import java.util.HexFormat;

/** Hex for tests: {@code "ac 02"} to bytes and back, spaces ignored when parsing, one space between bytes when printing. */
public final class Hex {
  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

  private Hex() {}

  public static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  public static String of(byte[] bytes) {
    return SPACED.formatHex(bytes);
  }

  public static String of(byte[] bytes, int offset, int length) {
    return SPACED.formatHex(bytes, offset, offset + length);
  }
}
