package dev.packets.server.auth;

import dev.packets.socketio.PacketError;
import java.time.Instant;

/**
 * One way of authenticating a client. The server chains its drivers in the order given: the first whose {@link
 * #authenticate} does not return null decides, by admitting the client or refusing it; a refusal goes to the client
 * named by the driver ({@code 401 jwt: token expired}). Drivers run on the worker pool and may block briefly (a
 * database, a JWKS fetch).
 */
public interface AuthDriver {
  /** A short name for refusals and logs: {@code jwt}, {@code apikey}. */
  String name();

  /**
   * The admission of a client that presents {@code credentials}; null when they are not this driver's to judge (no
   * token where it looks, say), so that the next driver tries.
   *
   * @throws PacketError to refuse the client (401 or 403 with the reason)
   */
  Admission authenticate(Credentials credentials) throws PacketError;

  /**
   * Whether an admitted {@code principal} still holds at {@code now}: null if it does, else the reason the socket
   * is closed with ({@code "token expired"}, {@code "api key revoked"}). By default a principal holds until its
   * {@link Principal#expires()}.
   */
  default String recheck(Principal principal, Instant now) {
    return principal.expires() != null && !now.isBefore(principal.expires()) ? "token expired" : null;
  }
}
