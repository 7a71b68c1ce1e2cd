package dev.packets.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The engine.io field that {@link LibraryTimers} cancels at close is still there in the library on the class path. */
class LibraryTimersTest {
  @Test
  void theLibraryStillHasItsPingTimeoutField() {
    assertTrue(LibraryTimers.available(), "engine.io renamed mPingTimeoutFuture: closed sessions would stay 45 s");
  }
}
