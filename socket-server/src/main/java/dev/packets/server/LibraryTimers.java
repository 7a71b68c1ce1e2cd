package dev.packets.server;

import io.socket.engineio.server.EngineIoSocket;
import java.lang.reflect.Field;
import java.util.concurrent.ScheduledFuture;

/**
 * Releases a closed engine.io session at its close instead of at its ping timeout. engine.io 6.3.2 cancels its ping
 * task on close but not its ping-timeout task, which holds the session (its transport, buffers and listeners) for up
 * to interval + timeout (45 s by default): 20,000 closed connections kept 170 MiB for a minute. The field is private
 * to the library, so it is reached by reflection; {@code LibraryTimersTest} fails if a new version renames it.
 */
final class LibraryTimers {
  private static final Field PING_TIMEOUT = field("mPingTimeoutFuture");

  private LibraryTimers() {}

  private static Field field(String name) {
    try {
      Field f = EngineIoSocket.class.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      PacketServer.LOG.warn("engine.io has no field {}: closed sessions stay until their ping timeout", name);
      return null;
    }
  }

  /** Whether the library still has the field this class reaches. */
  static boolean available() {
    return PING_TIMEOUT != null;
  }

  /** Cancels the closed session's ping-timeout task, so nothing holds the session. */
  static void release(EngineIoSocket session) {
    if (PING_TIMEOUT == null) {
      return;
    }
    try {
      if (PING_TIMEOUT.get(session) instanceof ScheduledFuture<?> timeout) {
        timeout.cancel(false);
      }
    } catch (IllegalAccessException e) {
      // checked when the field was made accessible
    }
  }
}
