package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.packets.server.engine.FrameWriter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The outbound budget against a flood of tiny pushes to a socket that reads nothing: each queued send costs its
 * bytes and its bookkeeping, so the budget stops the flood before the memory it holds is several times the budget.
 */
class MailboxBudgetTest {

  /** A websocket whose frames never leave: nothing it is given is ever written. */
  private static final class Stuck implements FrameWriter {
    final AtomicInteger frames = new AtomicInteger();

    @Override
    public void write(byte[] text, byte[] binary, Runnable written) {
      frames.incrementAndGet();
    }

    @Override
    public boolean onReadThread() {
      return false;
    }

    @Override
    public void abort(int code, String reason) {}
  }

  @Test
  void tinyPushesToASocketThatReadsNothingCostTheirBookkeepingToo() {
    long budget = 64 * 1024;
    AtomicLong overflowedAt = new AtomicLong(-1);
    Mailbox mailbox = new Mailbox(budget, Runnable::run, (session, pending) -> overflowedAt.set(pending), "sid");
    Stuck stuck = new Stuck();
    mailbox.carriedBy(stuck);
    byte[] empty = new byte[0];
    String header = "451-[\"1\",{\"_placeholder\":true,\"num\":0}]";
    Mailbox.Send send = Mailbox.Send.binary(header, empty, null, 1);
    int accepted = 0;
    while (accepted < 100_000 && mailbox.offer(send)) {
      accepted++;
    }
    // 39 bytes of frame each: without their bookkeeping 1,680 of them would fit in 64 KiB, holding ~3× that; with
    // 64 bytes of bookkeeping each, 65,536 / 103 = 636 (a number written here, not derived from Mailbox.OVERHEAD,
    // so that a smaller overhead fails this test)
    assertEquals(39, header.length());
    assertEquals(636, accepted, "accepted before the budget stopped them");
    assertTrue(overflowedAt.get() > budget, "the overflow was reported: " + overflowedAt.get());
    assertEquals(accepted, stuck.frames.get(), "each accepted push went to the websocket, none after");
    assertTrue(!mailbox.offer(send), "a closed mailbox takes nothing more");
  }
}
