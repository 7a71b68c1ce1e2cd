package dev.packets.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the websocket reads before the library: the attachments a header announces and the open packet's sid. */
class JettyEngineSocketTest {

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
}
