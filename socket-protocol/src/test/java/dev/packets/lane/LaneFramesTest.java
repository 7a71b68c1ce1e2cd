package dev.packets.lane;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.packets.socketio.PacketError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The lane's frames against bytes written by hand from the spec (docs/wire-format.md §10), both ways: each writer
 * gives exactly those bytes, and reading them gives the head back with the position at the body.
 */
class LaneFramesTest {
  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static LaneFrames.Head read(byte[] frame, int bodyAt) {
    ByteBuffer buffer = ByteBuffer.wrap(frame);
    LaneFrames.Head head = new LaneFrames.Head();
    LaneFrames.read(buffer, head);
    assertEquals(bodyAt, buffer.position(), "the body starts after the head");
    return head;
  }

  @Test
  void pushSendAndReplyAreAKindThenVaruintsThenThePayload() {
    byte[] echoHi = bytes(0x02, 'h', 'i');
    assertArrayEquals(bytes(0x01, 0x02, 0x02, 'h', 'i'), LaneFrames.push(2, echoHi));
    assertArrayEquals(bytes(0x02, 0x01, 0x02, 0x02, 'h', 'i'), LaneFrames.send(1, 2, echoHi));
    // ack 300 is ac 02, packet 65535 is ff ff 03
    assertArrayEquals(bytes(0x03, 0xac, 0x02, 0xff, 0xff, 0x03), LaneFrames.reply(300, 65535, new byte[0]));
    // the largest ack id, 2^31-1: ff ff ff ff 07
    assertArrayEquals(bytes(0x02, 0xff, 0xff, 0xff, 0xff, 0x07, 0x01), LaneFrames.send(Integer.MAX_VALUE, 1,
        new byte[0]));

    LaneFrames.Head send = read(bytes(0x02, 0xac, 0x02, 0x05, 0x09), 4);
    assertEquals(LaneFrames.SEND, send.kind);
    assertEquals(300, send.ack);
    assertEquals(5, send.packetId);
    LaneFrames.Head push = read(bytes(0x01, 0xff, 0xff, 0x03), 4);
    assertEquals(0, push.ack);
    assertEquals(65535, push.packetId);
    assertNull(push.offset);
  }

  @Test
  void valueAndErrorCarryJson() {
    assertArrayEquals(bytes(0x04, 0x11, '"', 'o', 'k', '"'), LaneFrames.value(17, "\"ok\""));
    byte[] error = LaneFrames.error(2, new PacketError(422, "entity 0 is reserved"));
    assertArrayEquals(("\u0005\u0002{\"code\":422,\"reason\":\"entity 0 is reserved\"}").getBytes(StandardCharsets.UTF_8),
        error);
    LaneFrames.Head value = read(bytes(0x04, 0x11, 'n', 'u', 'l', 'l'), 2);
    assertEquals(17, value.ack);
    assertEquals(0, value.packetId);
    assertEquals("[null,null]", LaneFrames.answerArgs(LaneFrames.VALUE, "null").toString());
    assertEquals("[{\"code\":422}]", LaneFrames.answerArgs(LaneFrames.ERROR, "{\"code\":422}").toString());
  }

  @Test
  void pushAtCarriesItsOffsetFirst() {
    byte[] frame = LaneFrames.pushAt("g5s9jz0b", 2, bytes(0x02, 'y', 'o'));
    assertArrayEquals(bytes(0x06, 0x08, 'g', '5', 's', '9', 'j', 'z', '0', 'b', 0x02, 0x02, 'y', 'o'), frame);
    LaneFrames.Head head = read(frame, 11);
    assertEquals("g5s9jz0b", head.offset);
    assertEquals(2, head.packetId);
  }

  @Test
  void whatBreaksTheRulesIsRefusedWithItsReason() {
    String[][] cases = {
        {"", "an empty binary frame"},
        {"09", "unknown frame kind 9 (the lane's kinds are 1..6)"},
        {"02", "the frame ends inside its ack id"},
        {"02 01", "the frame ends inside its packet id"},
        {"02 81 00 01", "the ack id is not written in its fewest bytes"},
        {"02 80 80 80 80 80 01", "the ack id is longer than 5 bytes"},
        {"02 00 01", "ack id 0 is outside 1..2^31-1"},
        {"02 80 80 80 80 08 01", "ack id 2147483648 is outside 1..2^31-1"},
        {"01 00", "packet id 0 is outside 1..65535"},
        {"01 80 80 04", "packet id 65536 is outside 1..65535"},
        {"06 00 01", "a PUSH_AT frame's offset of 0 bytes does not fit in it"},
        {"06 05 61 62 01", "a PUSH_AT frame's offset of 5 bytes does not fit in it"},
        {"06 01 e9 01", "a PUSH_AT frame's offset is printable ASCII, not byte 233"},
    };
    for (String[] c : cases) {
      byte[] frame = c[0].isEmpty() ? new byte[0] : java.util.HexFormat.ofDelimiter(" ").parseHex(c[0]);
      LaneFrames.Malformed refused = assertThrows(LaneFrames.Malformed.class,
          () -> LaneFrames.read(ByteBuffer.wrap(frame), new LaneFrames.Head()), c[0]);
      assertEquals(c[1], refused.getMessage(), c[0]);
    }
    assertThrows(IllegalArgumentException.class, () -> LaneFrames.push(0, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> LaneFrames.send(0, 1, new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> LaneFrames.pushAt("", 1, new byte[0]));
  }
}
