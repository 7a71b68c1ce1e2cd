package dev.packets.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.DecodeException;
import dev.packets.EncodeException;
import dev.packets.HydrationException;
import dev.packets.Hex;
import dev.packets.PacketLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** string: varuint UTF-8 byte length, then UTF-8 as JavaScript writes it. */
class StringWireTest {
  private static final PacketLimits LIMITS = PacketLimits.DEFAULT;

  private static String write(String value) {
    int size = StringWire.size(value, LIMITS, "P.s");
    return Wires.write(size, out -> StringWire.write(out, value));
  }

  @ParameterizedTest(name = "\"{0}\" <-> {1}")
  @CsvSource(delimiter = '|', value = {
      "''                   | 00",
      "a                    | 01 61",
      "'\u007f'             | 01 7f",
      "\u0080               | 02 c2 80",
      "é                    | 02 c3 a9",
      "\u07ff               | 02 df bf",
      "\u0800               | 03 e0 a0 80",
      "€                    | 03 e2 82 ac",
      "\uffff               | 03 ef bf bf",
      "\ud83d\ude00         | 04 f0 9f 98 80",
      "\udbff\udfff         | 04 f4 8f bf bf",
      "aé€\ud83d\ude00      | 0a 61 c3 a9 e2 82 ac f0 9f 98 80",
  })
  void writesUtf8AndReadsItBack(String value, String hex) {
    assertEquals(hex, write(value));
    assertEquals(value, Wires.read(hex, in -> StringWire.read(in, "P.s")));
  }

  @ParameterizedTest(name = "lone surrogates: {1}")
  @CsvSource(delimiter = '|', value = {
      "'\ud800'             | 03 ef bf bd                | '\ufffd'",
      "'\udc00'             | 03 ef bf bd                | '\ufffd'",
      "'\udfff'             | 03 ef bf bd                | '\ufffd'",
      "'a\ud800b'           | 05 61 ef bf bd 62          | 'a\ufffdb'",
      "'\udc00\ud800'       | 06 ef bf bd ef bf bd       | '\ufffd\ufffd'",
      "'\ud800\ud800\udc00' | 07 ef bf bd f0 90 80 80    | '\ufffd\ud800\udc00'",
      "'x\ud83d'            | 04 78 ef bf bd             | 'x\ufffd'",
  })
  void loneSurrogatesAreWrittenAsReplacementCharacters(String value, String hex, String decoded) {
    assertEquals(hex, write(value));
    assertEquals(decoded, Wires.read(hex, in -> StringWire.read(in, "P.s")));
  }

  @Test
  void lengthPrefixGrowsAtTheVaruintBoundaries() {
    assertEquals("7e " + "e2 82 ac ".repeat(42).trim(), write("€".repeat(42)));
    assertEquals("81 01 " + "e2 82 ac ".repeat(43).trim(), write("€".repeat(43)));
    assertEquals("7f " + "61 ".repeat(127).trim(), write("a".repeat(127)));
    assertEquals("80 01 " + "61 ".repeat(128).trim(), write("a".repeat(128)));
    assertEquals("54 " + "f0 9f 98 80 ".repeat(21).trim(), write("\ud83d\ude00".repeat(21)));
    assertEquals("ff 7f", write("a".repeat(16383)).substring(0, 5));
    assertEquals("80 80 01", write("a".repeat(16384)).substring(0, 8));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 41, 42, 43, 44, 63, 64, 127, 128, 300})
  void sizeIsExactForEveryLength(int chars) {
    for (String unit : new String[] {"a", "é", "€", "\ud83d\ude00", "\udc00"}) {
      String value = unit.repeat(chars);
      int size = StringWire.size(value, LIMITS, "P.s");
      String hex = Wires.write(size, out -> StringWire.write(out, value));
      String back = Wires.read(hex, in -> StringWire.read(in, "P.s"));
      assertEquals(unit.equals("\udc00") ? "\ufffd".repeat(chars) : value, back);
    }
  }

  @Test
  void limitCountsUtf8Bytes() {
    PacketLimits three = LIMITS.withMaxStringBytes(3);
    assertEquals(4, StringWire.size("abc", three, "P.s"));
    assertEquals(4, StringWire.size("€", three, "P.s"));
    EncodeException e = assertThrows(EncodeException.class, () -> StringWire.size("éé", three, "Chat.text"));
    assertEquals("Chat.text: string of 4 UTF-8 bytes exceeds the limit of 3", e.getMessage());
    assertEquals("Chat.text: string of 4 UTF-8 bytes exceeds the limit of 3",
        assertThrows(EncodeException.class, () -> StringWire.size("abcd", three, "Chat.text")).getMessage());
  }

  @Test
  void nullIsRefused() {
    EncodeException e = assertThrows(EncodeException.class, () -> StringWire.size(null, LIMITS, "Chat.text"));
    assertEquals("Chat.text: is null; a string is required", e.getMessage());
  }

  @Test
  void nulIsAnOrdinaryCharacter() {
    assertEquals("01 00", write("\u0000"));
    assertEquals("03 61 00 62", write("a\u0000b"));
    assertEquals("a\u0000b", Wires.read("03 61 00 62", in -> StringWire.read(in, "s")));
  }

  /** Counts of U+FFFD checked against Node's {@code Buffer.toString('utf8')} and {@code TextDecoder}. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "01 ff, '\ufffd'",
      "02 61 c3, 'a\ufffd'",
      "02 c0 80, '\ufffd\ufffd'",
      "03 e0 80 80, '\ufffd\ufffd\ufffd'",
      "03 f0 9f 98, '\ufffd'",
      "04 f4 90 80 80, '\ufffd\ufffd\ufffd\ufffd'",
      "05 f8 88 80 80 80, '\ufffd\ufffd\ufffd\ufffd\ufffd'",
      "03 ed a0 80, '\ufffd\ufffd\ufffd'",
      "03 ed bf bf, '\ufffd\ufffd\ufffd'",
      "06 ed a0 bd ed b8 80, '\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd'",
      "05 61 ed b0 80 62, 'a\ufffd\ufffd\ufffdb'",
      "03 ed 9f bf, '\ud7ff'",
      "02 ed a0, '\ufffd\ufffd'",
  })
  void malformedUtf8ReadsAsReplacementCharacters(String hex, String decoded) {
    assertEquals(decoded, Wires.read(hex, in -> StringWire.read(in, "s")));
  }

  @Test
  void lengthPrefixIsCheckedBeforeAnythingIsRead() {
    DecodeException e = assertThrows(DecodeException.class, () -> StringWire.read(Wires.in("05 61 62"), "Chat.text"));
    assertEquals("Chat.text: string of 5 bytes, but only 2 left at byte 0", e.getMessage());
    DecodeException huge = assertThrows(DecodeException.class,
        () -> StringWire.read(Wires.in("ff ff ff ff 07"), "Chat.text"));
    assertEquals("Chat.text: string of 2147483647 bytes exceeds the limit of 65536 at byte 0", huge.getMessage());
    PacketLimits three = LIMITS.withMaxStringBytes(3);
    DecodeException over = assertThrows(DecodeException.class,
        () -> StringWire.read(Wires.in("04 61 62 63 64", three), "Chat.text"));
    assertEquals("Chat.text: string of 4 bytes exceeds the limit of 3 at byte 0", over.getMessage());
    assertEquals("abc", StringWire.read(Wires.in("03 61 62 63", three), "Chat.text"));
  }

  @Test
  void hydration() {
    assertEquals("é", StringWire.hydrate("é", "P.s", LIMITS));
    PacketLimits three = LIMITS.withMaxStringBytes(3);
    assertEquals("Chat.text: string of 4 UTF-8 bytes exceeds the limit of 3",
        assertThrows(HydrationException.class, () -> StringWire.hydrate("éé", "Chat.text", three)).getMessage());
    assertEquals("Chat.text: string of 300 UTF-8 bytes exceeds the limit of 3", assertThrows(
        HydrationException.class, () -> StringWire.hydrate("a".repeat(300), "Chat.text", three)).getMessage());
    assertEquals("Chat.text: 5 is not a string",
        assertThrows(HydrationException.class, () -> StringWire.hydrate(5, "Chat.text", LIMITS)).getMessage());
    assertEquals("Chat.text: is missing; a string is required",
        assertThrows(HydrationException.class, () -> StringWire.hydrate(null, "Chat.text", LIMITS)).getMessage());
  }

  @Test
  void utf8LengthAgreesWithTheWriter() {
    String all = "a\u0080\u07ff\u0800\uffff\ud83d\ude00\udc00\ud800x\ud800";
    assertEquals(Utf8.length(all), Utf8.bytes(all).length);
    assertEquals("61 c2 80 df bf e0 a0 80 ef bf bf f0 9f 98 80 ef bf bd ef bf bd 78 ef bf bd",
        Hex.of(Utf8.bytes(all)));
  }
}
