package dev.packets.client;

import java.time.Duration;
import java.util.Map;

/**
 * How a {@link PacketClient} connects.
 *
 * @param auth the Socket.IO auth payload (JSON-like), or null
 * @param connectTimeout how long {@code connect} waits for the server
 * @param responseTimeout how long a {@code send} waits for its response
 * @param reconnect whether to reconnect, with exponential backoff, when the connection drops
 * @param maxBackoff the longest wait between reconnection attempts
 * @param allowRegistryMismatch connect even to a server whose packet table differs from this client's (by default
 *     the connect fails, naming the first packet that differs: a packet sent would be another packet there)
 */
public record ClientOptions(Map<String, Object> auth, Duration connectTimeout, Duration responseTimeout,
    boolean reconnect, Duration maxBackoff, boolean allowRegistryMismatch) {

  public static final ClientOptions DEFAULT =
      new ClientOptions(null, Duration.ofSeconds(10), Duration.ofSeconds(10), true, Duration.ofSeconds(5));

  /** Options that refuse a server whose packet table differs. */
  public ClientOptions(Map<String, Object> auth, Duration connectTimeout, Duration responseTimeout, boolean reconnect,
      Duration maxBackoff) {
    this(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, false);
  }

  /** Connects even to a server whose packet table differs (a warning is logged). */
  public ClientOptions withRegistryMismatchAllowed(boolean allowed) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowed);
  }

  public ClientOptions withAuth(Map<String, Object> auth) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowRegistryMismatch);
  }

  public ClientOptions withResponseTimeout(Duration timeout) {
    return new ClientOptions(auth, connectTimeout, timeout, reconnect, maxBackoff, allowRegistryMismatch);
  }

  public ClientOptions withReconnect(boolean on) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, on, maxBackoff, allowRegistryMismatch);
  }
}
