package dev.packets.intercom.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.DecodeException;
import dev.packets.PacketRegistry;
import dev.packets.Redirect;
import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The frame layout byte for byte, as the package documentation shows it, and what broken frames become. */
final class FramesTest {
  private static final Frames FRAMES = new Frames(new Payloads(PacketRegistry.of()));

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", "").replace("|", ""));
  }

  @Test
  void aRequestAsDocumented() {
    byte[] bytes = FRAMES.write(new Request("a", 1, "where", 250, Map.of("e", 7), null));
    assertArrayEquals(hex("01 01 01 61 | 01 05 77 68 65 72 65 | fa 01 | 01 81 a1 65 07"), bytes);
    Request back = (Request) FRAMES.read(bytes);
    assertEquals(new Request("a", 1, "where", 250, Map.of("e", 7), null), back);
  }

  @Test
  void aPublicationAsDocumented() {
    byte[] bytes = FRAMES.write(new Frame.Publication("a", "news", 7, null));
    assertArrayEquals(hex("01 06 01 61 | 04 6e 65 77 73 | 01 07"), bytes);
    Frame.Publication back = (Frame.Publication) FRAMES.read(bytes);
    assertEquals("news", back.topic());
    assertEquals(7, ((Number) back.payload()).intValue());
    Frame.Publication broken = (Frame.Publication) FRAMES.read(hex("01 06 01 61 | 01 74 | 02 63 00"));
    assertNull(broken.payload());
    assertTrue(broken.problem().startsWith("cannot decode the payload"), broken.problem());
  }

  @Test
  void aPacketReplyAsDocumented() {
    assertEquals(2, PacketRegistry.of().id(Redirect.class));
    byte[] bytes = FRAMES.write(new Reply("b", 1, new Outcome.Answer(new Redirect("/b"))));
    assertArrayEquals(hex("01 02 01 62 | 01 00 | 02 02 00 02 2f 62"), bytes);
    assertEquals(new Reply("b", 1, new Outcome.Answer(new Redirect("/b"))), FRAMES.read(bytes));
  }

  @Test
  void repliesOfEveryOutcomeAndPresenceRoundTrip() {
    for (Frame frame : List.of(new Reply("b", 300, Outcome.NoHandler.INSTANCE),
        new Reply("b", Long.MAX_VALUE, new Outcome.Failed("java.lang.IllegalStateException: no")),
        new Reply("b", 0, new Outcome.Answer(null)),
        new Presence("c", Kind.HELLO, Long.MAX_VALUE, "0123456789abcdef"), new Presence("c", Kind.HEARTBEAT, 0, "f"),
        new Presence("c", Kind.GOODBYE, 1, ""))) {
      assertEquals(frame, FRAMES.read(FRAMES.write(frame)));
    }
    assertArrayEquals(hex("01 05 01 63 | 07"), FRAMES.write(new Presence("c", Kind.GOODBYE, 7, "")));
    assertArrayEquals(hex("01 04 01 63 | 07 | 02 66 70"), FRAMES.write(new Presence("c", Kind.HEARTBEAT, 7, "fp")));
  }

  @Test
  void anUndecodablePayloadBecomesAProblemToAnswer() {
    byte[] bytes = hex("01 01 01 61 | 01 01 74 | 00 | 02 63 00");
    Request request = (Request) FRAMES.read(bytes);
    assertNull(request.payload());
    assertTrue(request.problem().contains("unknown packet id 99"), request.problem());

    Reply reply = (Reply) FRAMES.read(hex("01 02 01 62 | 01 00 | 01 c1"));
    assertInstanceOf(Outcome.Failed.class, reply.outcome());
    assertTrue(((Outcome.Failed) reply.outcome()).message().contains("cannot decode the answer"), reply.toString());
  }

  @Test
  void brokenHeadersNameTheField() {
    assertMessage(hex(""), "intercom frame.version: truncated");
    assertMessage(hex("02 01"), "version 2 is not 1");
    assertMessage(hex("01 09 01 61"), "unknown kind 9");
    assertMessage(hex("01 01 ff ff ff ff 0f"), "intercom frame.sender: string of 4294967295 bytes exceeds the limit");
    assertMessage(hex("01 01 00"), "empty node id");
    assertMessage(hex("01 02 01 62 01 07"), "unknown outcome 7");
    assertMessage(hex("01 05 01 63 00 00"), "intercom frame.goodbye: 1 trailing byte(s)");
    assertMessage(hex("01 03 01 63 07"), "intercom frame.fingerprint: truncated");
    assertMessage(hex("01 01 01 61 ff ff ff ff ff ff ff ff ff ff ff"), "varuint longer than 10 bytes");
  }

  private static void assertMessage(byte[] bytes, String expected) {
    DecodeException e = assertThrows(DecodeException.class, () -> FRAMES.read(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void everyTruncationAndRandomBytesFailCleanly() {
    byte[] full = FRAMES.write(new Request("node", 42, "type", 1000, List.of(1, Map.of("k", "v")), null));
    for (int length = 0; length < full.length; length++) {
      byte[] cut = Arrays.copyOf(full, length);
      try {
        Frame frame = FRAMES.read(cut);
        assertInstanceOf(Request.class, frame, "a cut frame reads as a request with a problem or fails");
        assertTrue(((Request) frame).problem() != null, "cut at " + length);
      } catch (DecodeException expected) {
        // a clear error
      }
    }
    Random random = new Random(4);
    for (int i = 0; i < 10_000; i++) {
      byte[] noise = new byte[1 + random.nextInt(40)];
      random.nextBytes(noise);
      noise[0] = 1;
      try {
        FRAMES.read(noise);
      } catch (DecodeException expected) {
        // a clear error; anything else fails the test
      }
    }
  }
}
