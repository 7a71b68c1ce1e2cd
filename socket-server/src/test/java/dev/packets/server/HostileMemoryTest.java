package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.server.TestPackets.Echo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.WeakReference;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Exhaust memory: no client makes the server hold more than its limits allow, whether by announcing a body it
 * never sends, by not reading, by announcing attachments, or by leaving.
 */
class HostileMemoryTest {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }

  private static void awaitSockets(PacketServer server, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.sockets().size() != count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(count, server.sockets().size(), "sockets");
  }

  @Test
  void aPollingPostIsRefusedFromItsContentLengthBeforeAnythingIsAllocated() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server);
        RawHttp raw = new RawHttp(server.port())) {
      String sid = raw.openPollingSession();
      long before = usedAfterGc();
      raw.write("POST /socket.io/?EIO=4&transport=polling&sid=" + sid + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 400000000\r\n\r\n42[\"Move\",{}]");
      RawHttp.Response answer = raw.read();
      assertEquals(413, answer.status(), answer.toString());
      assertTrue(usedAfterGc() - before < 64 << 20, "heap grew by " + ((usedAfterGc() - before) >> 20) + " MiB");
      try (RawHttp chunked = new RawHttp(server.port())) {
        String other = chunked.openPollingSession();
        chunked.write("POST /socket.io/?EIO=4&transport=polling&sid=" + other + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\n42[1]\r\n0\r\n\r\n");
        assertEquals(411, chunked.read().status(), "a body without a Content-Length");
      }
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void aWebsocketThatStopsReadingIsClosedAtItsOutboundBudget() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket slow = RawSocket.open(server.port(), (String) null, false, "");
      slow.text("40");
      awaitSockets(server, 2);
      long before = usedAfterGc();
      Echo big = new Echo("x".repeat(20_000));
      for (int i = 0; i < 1_500 && server.sockets().size() > 1; i++) {
        server.broadcast(big); // 20 MB/s: the bystander reads that fast, the slow socket reads nothing
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      awaitSockets(server, 1);
      long grown = usedAfterGc() - before;
      assertTrue(grown < 24 << 20, "heap grew by " + (grown >> 20) + " MiB after up to 30 MB pushed to a socket "
          + "that does not read");
      assertTrue(server.metrics().outboundOverflows() >= 1, server.metrics().snapshot().toString());
      bystander.assertServed(20, 2_000);
    }
  }

  @Test
  void pongsThatAnswerNoPingCloseTheConnection() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket blind = RawSocket.connected(server.port());
      for (int i = 0; i < 20 && !blind.closed.isDone(); i++) {
        try {
          blind.text("3");
        } catch (java.util.concurrent.ExecutionException closed) {
          break;
        }
        Thread.sleep(20);
      }
      assertEquals(1002, blind.closed.get(5, TimeUnit.SECONDS), "closed as a protocol error");
      awaitSockets(server, 1);
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void anEventAnnouncingManyAttachmentsClosesItsConnection() throws Exception {
    try (PacketServer server = TestPackets.server().build().start();
        Bystander bystander = new Bystander(server)) {
      RawSocket flood = RawSocket.connected(server.port());
      flood.text("4550-[\"chat\",{\"_placeholder\":true,\"num\":0}]");
      for (int i = 0; i < 49 && !flood.closed.isDone(); i++) {
        try {
          flood.binary(new byte[1000]);
        } catch (java.util.concurrent.ExecutionException closed) {
          break;
        }
      }
      int code = flood.closed.get(5, TimeUnit.SECONDS);
      // the client may still be sending attachments when the close comes: it sees 1008, or a reset
      assertTrue(code == 1008 && flood.closeReason.get().contains("attachments") || code == -1,
          code + " " + flood.closeReason.get());
      assertEquals(1, server.metrics().protocolErrors(), server.metrics().snapshot().toString());
      awaitSockets(server, 1);
      bystander.assertServed(5, 2_000);
    }
  }

  @Test
  void aClosedConnectionIsReleasedAtCloseNotAtItsPingTimeout() throws Exception {
    try (PacketServer server = TestPackets.server().build().start()) {
      RawSocket raw = RawSocket.connected(server.port());
      awaitSockets(server, 1);
      PacketSocket open = server.sockets().get(0);
      WeakReference<PacketSocket> socket = new WeakReference<>(open);
      // the engine.io session under it, which the library's ping-timeout task held for 45 s after a close
      WeakReference<Object> session = new WeakReference<>(((SocketIoLink) open.link()).raw().getClient().getConnection());
      open = null;
      raw.ws.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
      awaitSockets(server, 0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while ((socket.get() != null || session.get() != null) && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(50);
      }
      assertEquals(null, socket.get(), "the closed socket is still reachable");
      assertEquals(null, session.get(), "the closed engine.io session is still reachable (the default ping timeout "
          + "is 45 s)");
    }
  }
}
