package dev.packets.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot path takes exactly one frame shape; everything else must go to the Socket.IO library. */
class FramesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "451-17[\"3\",{\"_placeholder\":true,\"num\":0}]|3|17",
      "451-0[\"3\",{\"_placeholder\":true,\"num\":0}]|3|0",
      "451-[\"12\",{\"_placeholder\":true,\"num\":0}]|12|-1",
      "451-5[7,{\"_placeholder\":true,\"num\":0}]|7|5",
      "451-999999999[\"99999\",{\"_placeholder\":true,\"num\":0}]|99999|999999999",
  })
  void takesOneAttachmentBinaryEventsOnTheMainNamespace(String frame, int event, int ack) {
    long header = Frames.parseSend(frame);
    assertEquals(event, Frames.packetId(header));
    assertEquals(ack, Frames.ackWanted(header));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "452-1[\"3\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]", // two attachments
      "451-/chat,1[\"3\",{\"_placeholder\":true,\"num\":0}]", // another namespace
      "451-1[\"Move\",{\"_placeholder\":true,\"num\":0}]", // a name, not an id
      "451-1[\"3\",{\"_placeholder\":true,\"num\":1}]", // attachment 1
      "451-1[\"3\",{\"_placeholder\":true,\"num\":0},5]", // a second argument
      "451-1[\"3\", {\"_placeholder\":true,\"num\":0}]", // spacing the library would accept
      "451-1[\"123456\",{\"_placeholder\":true,\"num\":0}]", // six digits
      "451-1[\"03\",{\"_placeholder\":true,\"num\":0}]", // leading zero
      "451-1234567890[\"3\",{\"_placeholder\":true,\"num\":0}]", // ack id of ten digits
      "451-01[\"3\",{\"_placeholder\":true,\"num\":0}]", // ack id with a leading zero
      "451-1[\"3,{\"_placeholder\":true,\"num\":0}]", // unterminated string
      "451-1[\"3\",{\"_placeholder\":true,\"num\":0}]]", // trailing bytes
      "42[\"3\",{}]", // a plain event
      "451-1[", "451-", "4", "",
  })
  void leavesEverythingElseToTheLibrary(String frame) {
    assertEquals(Frames.NO, Frames.parseSend(frame));
  }

  @org.junit.jupiter.api.Test
  void writesThePushAndPacketAckHeadersItReads() {
    assertEquals("451-[\"5\",{\"_placeholder\":true,\"num\":0}]", Frames.push(5));
    assertEquals(5, Frames.packetId(Frames.parseSend(Frames.push(5))));
    assertEquals(-1, Frames.ackWanted(Frames.parseSend(Frames.push(5))));
    assertEquals("461-17[null,{\"_placeholder\":true,\"num\":0},5]", Frames.packetAck(17, 5));
    assertEquals("451-17[\"5\",{\"_placeholder\":true,\"num\":0}]", Frames.send(17, 5));
    assertEquals(17, Frames.ackWanted(Frames.parseSend(Frames.send(17, 5))));
  }

  /** The protocol document's examples (socket.io-protocol v5, "Exchange protocol"): written as it spells them. */
  @org.junit.jupiter.api.Test
  void writesTheSpecsJsonFrames() {
    assertEquals("4317[null,\"moved\"]", Frames.jsonAck(17, "\"moved\""));
    assertEquals("4317[{\"code\":422,\"reason\":\"no\"}]", Frames.errorAck(17, new PacketError(422, "no")));
    assertEquals("42[\"packets:ready\",{}]", Frames.event("packets:ready", new org.json.JSONObject()));
    assertEquals("40", Frames.connect(null));
    assertEquals("40{\"token\":\"abc\"}", Frames.connect(new org.json.JSONObject().put("token", "abc")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "4317[null,\"ok\"]|17|false|4",
      "430[]|0|false|3",
      "461-17[null,{\"_placeholder\":true,\"num\":0},5]|17|true|6",
      "43999999999[1]|999999999|false|11",
  })
  void readsTheIdOfAnAck(String frame, int id, boolean binary, int arguments) {
    long ack = Frames.ackId(frame);
    assertEquals(id, Frames.id(ack));
    assertEquals(binary, Frames.binary(ack));
    assertEquals(arguments, Frames.arguments(ack));
  }

  @ParameterizedTest
  @ValueSource(strings = {"43[1]", "43x[1]", "431", "4312345678901[1]", "461-[null]", "42[\"x\"]", "4", ""})
  void noAckIdInOtherFrames(String frame) {
    assertEquals(Frames.NO, Frames.ackId(frame));
  }

  /** An ack's arguments, as the protocol document spells them, read the same way by server and client. */
  @org.junit.jupiter.api.Test
  void readsWhatAnAckAnswers() {
    dev.packets.PacketRegistry builtIns = dev.packets.PacketRegistry.of();
    assertEquals("moved", Frames.answer(new org.json.JSONArray("[null,\"moved\"]"), builtIns));
    assertEquals(java.util.Map.of("x", 1), Frames.answer(new org.json.JSONArray("[null,{\"x\":1}]"), builtIns));
    assertNull(Frames.answer(new org.json.JSONArray("[null]"), builtIns));
    PacketError refused = org.junit.jupiter.api.Assertions.assertThrows(PacketError.class,
        () -> Frames.answer(new org.json.JSONArray("[{\"code\":422,\"reason\":\"no\"}]"), builtIns));
    assertEquals(422, refused.code());
    assertEquals("no", refused.reason());
    // Redirect("/b") is packet 2 of the built-ins; its payload 02 2f 62 (docs/wire-format.md, the intercom's example)
    org.json.JSONArray packet = Frames.withAttachment(new org.json.JSONArray(
        "[null,{\"_placeholder\":true,\"num\":0},2]"), new byte[] {2, 0x2f, 0x62});
    assertEquals(new dev.packets.Redirect("/b"), Frames.answer(packet, builtIns));
  }
}
