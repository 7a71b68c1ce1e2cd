package dev.packets.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a {@link PacketClient} connects.
 *
 * @param auth the auth payload (JSON-like: Socket.IO's CONNECT data, the lane's hello), or null
 * @param connectTimeout how long {@code connect} waits for the server
 * @param responseTimeout how long a {@code send} waits for its response
 * @param reconnect whether to reconnect, with exponential backoff, when the connection drops
 * @param maxBackoff the longest wait between reconnection attempts
 * @param allowRegistryMismatch connect even to a server whose packet table differs from this client's (by default
 *     the connect fails, naming the first packet that differs: a packet sent would be another packet there)
 * @param tls the TLS context for an {@code https} server, or null for the JDK's default (its trusted authorities)
 * @param transport the way packets travel: {@link Transport#AUTO} by default
 */
public record ClientOptions(Map<String, Object> auth, Duration connectTimeout, Duration responseTimeout,
    boolean reconnect, Duration maxBackoff, boolean allowRegistryMismatch, SSLContext tls, Transport transport) {

  /** The way a client's packets travel. */
  public enum Transport {
    /** The packets lane, and Socket.IO when the lane's upgrade is refused (then Socket.IO from then on). */
    AUTO,
    /** The packets lane only: one websocket frame per packet, at {@code /packets/lane}. */
    LANE,
    /** Socket.IO only (engine.io v4 over a websocket at {@code /socket.io/}), as flecks' clients speak it. */
    SOCKET_IO;

    /**
     * The default: {@link #AUTO}, or what system property {@code packets.transport} names ({@code lane}, {@code
     * socket.io}, {@code auto}), for a whole process on a network that passes only Socket.IO.
     */
    static Transport byDefault() {
      String named = System.getProperty("packets.transport", "auto").trim().toLowerCase(java.util.Locale.ROOT);
      return switch (named) {
        case "lane" -> LANE;
        case "socket.io", "socketio", "socket_io" -> SOCKET_IO;
        case "auto", "" -> AUTO;
        default -> throw new IllegalArgumentException("packets.transport is lane, socket.io or auto, not '" + named
            + "'");
      };
    }
  }

  public static final ClientOptions DEFAULT =
      new ClientOptions(null, Duration.ofSeconds(10), Duration.ofSeconds(10), true, Duration.ofSeconds(5));

  /** Options that refuse a server whose packet table differs, on the default transport. */
  public ClientOptions(Map<String, Object> auth, Duration connectTimeout, Duration responseTimeout, boolean reconnect,
      Duration maxBackoff) {
    this(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, false, null, Transport.byDefault());
  }

  /** Connects on {@code way}: the lane, Socket.IO, or the lane falling back to Socket.IO. */
  public ClientOptions withTransport(Transport way) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowRegistryMismatch, tls,
        way);
  }

  /** Connects even to a server whose packet table differs (a warning is logged). */
  public ClientOptions withRegistryMismatchAllowed(boolean allowed) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowed,
        tls, transport);
  }

  public ClientOptions withAuth(Map<String, Object> auth) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowRegistryMismatch,
        tls, transport);
  }

  public ClientOptions withResponseTimeout(Duration timeout) {
    return new ClientOptions(auth, connectTimeout, timeout, reconnect, maxBackoff, allowRegistryMismatch,
        tls, transport);
  }

  public ClientOptions withReconnect(boolean on) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, on, maxBackoff, allowRegistryMismatch,
        tls, transport);
  }

  /** Connects over TLS with {@code context} (its trust decides which servers are accepted). */
  public ClientOptions withTls(SSLContext context) {
    return new ClientOptions(auth, connectTimeout, responseTimeout, reconnect, maxBackoff, allowRegistryMismatch,
        context, transport);
  }

  /**
   * Connects over TLS trusting exactly the certificates in {@code pem} (a self-signed server's, a private
   * authority's) instead of the JDK's authorities; the server's name is still checked against its certificate.
   */
  public ClientOptions withTrustedCertificates(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("trusted-" + n++, certificate);
      }
      if (n == 0) {
        throw new IllegalArgumentException(pem + " holds no certificate");
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return withTls(context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pem, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot trust " + pem + ": " + e.getMessage(), e);
    }
  }
}
