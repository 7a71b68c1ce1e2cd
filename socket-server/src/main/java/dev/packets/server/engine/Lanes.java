package dev.packets.server.engine;

import dev.packets.lane.LaneFrames;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The packets lane's door and its open connections: upgrades on {@value LaneFrames#PATH} that ask for subprotocol
 * {@value LaneFrames#SUBPROTOCOL}, through the same {@link Gate} as Socket.IO's sessions (origin, connections in all
 * and per address); a websocket ping to every open connection each ping interval (Jetty closes one that then stays
 * silent past the idle timeout: interval plus timeout); and the hello deadline.
 */
public final class Lanes {
  private static final SecureRandom IDS = new SecureRandom();

  private final Gate gate;
  private final LaneListener listener;
  private final int maxMessageBytes;
  private final double framesPerSecond;
  private final double frameBurst;
  private final Duration helloTimeout;
  private final ScheduledExecutorService timers;
  private final Set<LaneConnection> open = ConcurrentHashMap.newKeySet();
  private volatile ScheduledFuture<?> pings;
  private volatile boolean stopped;

  Lanes(Gate gate, LaneListener listener, int maxMessageBytes, double framesPerSecond, double frameBurst,
      Duration helloTimeout, ScheduledExecutorService timers) {
    this.gate = gate;
    this.listener = listener;
    this.maxMessageBytes = maxMessageBytes;
    this.framesPerSecond = framesPerSecond;
    this.frameBurst = frameBurst;
    this.helloTimeout = helloTimeout;
    this.timers = timers;
  }

  /** Maps the lane's path on {@code upgrades}. */
  void map(WebSocketUpgradeHandler upgrades) {
    upgrades.addMapping(LaneFrames.PATH, new WebSocketNegotiator() {
      @Override
      public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        if (!request.getSubProtocols().contains(LaneFrames.SUBPROTOCOL)) {
          Response.writeError(request, response, callback, 400, "the packets lane asks for websocket subprotocol "
              + LaneFrames.SUBPROTOCOL);
          return null;
        }
        String address = gate.clientAddress(Request.getRemoteAddr(request),
            request.getHeaders().get("X-Forwarded-For"));
        Gate.Refusal refused = gate.open(request.getHeaders().get("Origin"), request.getHttpURI().getScheme(),
            request.getHeaders().get("Host"), address);
        if (refused != null) {
          Response.writeError(request, response, callback, refused.status(), refused.reason());
          return null;
        }
        response.setAcceptedSubProtocol(LaneFrames.SUBPROTOCOL);
        response.setExtensions(List.of());
        return new LaneConnection(newId(), address, EngineFrames.query(request), EngineFrames.headers(request),
            maxMessageBytes, listener, Lanes.this, new TokenBucket(framesPerSecond, frameBurst));
      }
    });
  }

  /** 20 characters of base64url: 120 random bits, as Socket.IO's ids. */
  private static String newId() {
    byte[] bytes = new byte[15];
    IDS.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Counts a connection in at the gate; false when it is one too many (it is closed). */
  boolean opened(LaneConnection connection) {
    if (!gate.enter(connection.address())) {
      return false;
    }
    open.add(connection);
    return true;
  }

  void closed(LaneConnection connection) {
    if (open.remove(connection)) {
      gate.leave(connection.address());
    }
  }

  ScheduledFuture<?> helloDeadline(LaneConnection connection) {
    long millis = helloTimeout.toMillis();
    return timers.schedule(() -> connection.helloLate(millis), millis, TimeUnit.MILLISECONDS);
  }

  /** Starts pinging every open connection each {@code interval} (a round schedules the next: the wheel has no rates). */
  void start(Duration interval) {
    long millis = interval.toMillis();
    Runnable[] round = new Runnable[1];
    round[0] = () -> {
      for (LaneConnection connection : open) {
        if (connection.isOpen()) {
          connection.ping();
        }
      }
      if (!stopped) {
        pings = timers.schedule(round[0], millis, TimeUnit.MILLISECONDS);
      }
    };
    pings = timers.schedule(round[0], millis, TimeUnit.MILLISECONDS);
  }

  void stop() {
    stopped = true;
    ScheduledFuture<?> next = pings;
    if (next != null) {
      next.cancel(false);
    }
  }
}
