package dev.packets.server;

import dev.packets.PacketRegistry;
import dev.packets.intercom.Intercom;
import dev.packets.server.auth.AuthDriver;
import dev.packets.server.tls.TlsContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * A server's whole configuration, fixed once {@link ServerBuilder#build()} has checked it: nothing about a running
 * server can be changed through its builder. Each setting is documented on the builder method that sets it.
 */
public record ServerConfig(
    // where and what
    String host, int port, PacketRegistry registry, Map<Class<?>, Acceptor<?>> acceptors,
    Map<String, String> resources, boolean dehydrated, boolean development, Intercom intercom,
    // time
    Duration ackTimeout, Duration acceptorTimeout, Duration pingInterval, Duration pingTimeout,
    Duration authenticationTimeout, long minDataRate,
    // input
    int maxPayloadBytes, double ratePerSecond, double rateBurst, int rateStrikes, int maxAttachments,
    int maxQueuedPackets,
    // admission
    int maxConnections, int maxConnectionsPerAddress, Set<String> trustedProxies, Set<String> allowedOrigins,
    boolean allowCredentials,
    // output
    long outboundBudget, int maxAwaitingAcks,
    // sessions that survive a reconnect (null: none do)
    Recovery recovery,
    // https and wss served directly (null: plain http)
    Tls tls,
    // threads and logging
    int workerThreads, Executor acceptorExecutor, boolean inlineReads, boolean bridgeJulToSlf4j,
    // whether the packets lane is served beside Socket.IO
    boolean lane,
    // hooks
    List<AuthDriver> authentication, Duration recheckInterval,
    Map<Class<?>, List<Guard<Object>>> guards, Map<Class<?>, List<OutboundGuard<Object>>> outboundGuards,
    boolean denyUnguarded,
    // plugins, in the order they start
    List<PacketPlugin> plugins, Duration pluginStartTimeout,
    List<Hooks.Connect> onConnect, List<Hooks.Disconnect> onDisconnect,
    List<Hooks.Received> onReceived, List<Hooks.Responding> onResponding, List<Hooks.Lifecycle> onStart,
    List<Hooks.Lifecycle> onStop, List<Hooks.Lifecycle> onStartFailed, List<Hooks.Lifecycle> onStopped) {

  /**
   * Connection state recovery: a socket whose connection breaks is kept for {@code maxDisconnection} with the pushes
   * sent to it meanwhile, at most {@code maxPackets} and {@code maxBytes} of them, and at most {@code maxParked}
   * such sessions at once on this node, whose kept pushes come to at most {@code maxParkedBytes} together (a push
   * past any of these ends the recovery of the session it was for).
   */
  public record Recovery(Duration maxDisconnection, int maxPackets, long maxBytes, int maxParked,
      long maxParkedBytes) {
    /** Socket.IO's two minutes; 1,000 pushes and 1 MiB a session; 10,000 sessions, 256 MiB for all of them. */
    public static final Recovery DEFAULT = new Recovery(Duration.ofMinutes(2), 1_000, 1 << 20, 10_000, 256L << 20);

    /** With 256 MiB of pushes kept for all parked sessions together. */
    public Recovery(Duration maxDisconnection, int maxPackets, long maxBytes, int maxParked) {
      this(maxDisconnection, maxPackets, maxBytes, maxParked, 256L << 20);
    }
  }

  /**
   * TLS served by the server itself, from a certificate chain and its PKCS#8 key in PEM files, or from a PKCS#12 key
   * store; the files are looked at every {@code reloadCheck} and reloaded when they change.
   */
  public record Tls(Path certificates, Path key, Path keystore, char[] password, Duration reloadCheck) {
    /** How often the files are looked at by default. */
    public static final Duration CHECK = Duration.ofSeconds(10);

    public static Tls pem(Path certificates, Path key) {
      return new Tls(certificates, key, null, null, CHECK);
    }

    public static Tls pkcs12(Path keystore, char[] password) {
      return new Tls(null, null, keystore, password.clone(), CHECK);
    }

    /** The same files, looked at every {@code check}. */
    public Tls withReloadCheck(Duration check) {
      return new Tls(certificates, key, keystore, password, check);
    }

    TlsContext.Source source() {
      return keystore != null ? TlsContext.Source.pkcs12(keystore, password) : TlsContext.Source.pem(certificates, key);
    }

    @Override
    public String toString() {
      return "Tls[" + (keystore != null ? keystore : certificates + ", " + key) + "]"; // never the password
    }
  }

  int recoveryPackets() {
    return recovery.maxPackets();
  }

  long recoveryBytes() {
    return recovery.maxBytes();
  }

  /** The largest polling request body: packets as text, binary ones in base64 (4/3 of their size), several a POST. */
  int maxPollingBody() {
    return maxPayloadBytes / 3 * 4 + 64 * 1024;
  }

  /** The largest websocket message: a payload and its frame's header. */
  int maxMessage() {
    return maxPayloadBytes + 64 * 1024;
  }
}
