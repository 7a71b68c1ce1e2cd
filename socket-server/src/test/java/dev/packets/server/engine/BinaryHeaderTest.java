package dev.packets.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hot path takes exactly one frame shape; everything else must go to the Socket.IO library. */
class BinaryHeaderTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "451-17[\"3\",{\"_placeholder\":true,\"num\":0}]|3|17",
      "451-0[\"3\",{\"_placeholder\":true,\"num\":0}]|3|0",
      "451-[\"12\",{\"_placeholder\":true,\"num\":0}]|12|-1",
      "451-5[7,{\"_placeholder\":true,\"num\":0}]|7|5",
      "451-999999999[\"99999\",{\"_placeholder\":true,\"num\":0}]|99999|999999999",
  })
  void takesOneAttachmentBinaryEventsOnTheMainNamespace(String frame, int event, int ack) {
    long header = BinaryHeader.parse(frame);
    assertEquals(event, BinaryHeader.event(header));
    assertEquals(ack, BinaryHeader.ackId(header));
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
    assertEquals(BinaryHeader.NO, BinaryHeader.parse(frame));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "451-1[\"3\",{\"_placeholder\":true,\"num\":0}]|1",
      "452-[\"x\"]|2",
      "4612-7[null]|12",
      "461-/chat,7[null]|1",
      "42[\"x\"]|0",
      "45x-|0",
      "2|0",
  })
  void countsTheAttachmentsALibraryHeaderAnnounces(String frame, int attachments) {
    assertEquals(attachments, JettyEngineSocket.attachments(frame));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0{\"sid\": \"1F5ZdSEkpz9\", \"upgrades\": [], \"pingInterval\": 25000}|1F5ZdSEkpz9",
      "0{\"sid\":\"abc\",\"upgrades\":[]}|abc",
      "0{\"upgrades\":[],\"sid\" : \"x-y_z\"}|x-y_z",
  })
  void readsTheSessionIdOfEngineIosOpenPacket(String open, String sid) {
    assertEquals(sid, JettyEngineSocket.openedSession(open));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0{\"upgrades\":[]}", "0{\"sid\":\"\"}", "0{\"sid\":12}", "0{\"sid\":\"abc"})
  void noSessionIdInAMalformedOpenPacket(String open) {
    assertNull(JettyEngineSocket.openedSession(open));
  }

  @org.junit.jupiter.api.Test
  void writesThePushAndPacketAckHeadersItReads() {
    assertEquals("451-[\"5\",{\"_placeholder\":true,\"num\":0}]", BinaryHeader.push(5));
    assertEquals(5, BinaryHeader.event(BinaryHeader.parse(BinaryHeader.push(5))));
    assertEquals(-1, BinaryHeader.ackId(BinaryHeader.parse(BinaryHeader.push(5))));
    assertEquals("461-17[null,{\"_placeholder\":true,\"num\":0},5]", BinaryHeader.packetAck(17, 5));
  }
}
