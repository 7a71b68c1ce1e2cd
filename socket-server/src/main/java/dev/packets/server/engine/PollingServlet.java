package dev.packets.server.engine;

import dev.packets.socketio.Frames;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jetty.ee11.servlet.ServletApiRequest;
import org.eclipse.jetty.io.EndPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine.io's long-polling, metered before the library sees a byte: the {@link Gate} decides who may come in, a
 * POST must say its length and keep within {@code maxBodyBytes} (413 before anything is read or allocated; no
 * length: 411), and its packets pass the session's {@link FrameMeter} (a broken rule: 400, and the session is
 * closed). The body is read here, so the library's session lock is never held while a client trickles bytes;
 * Jetty's minimum data rates end a client that sends or reads too slowly. CORS headers name only the configured
 * origins, never the one a request claims.
 */
public final class PollingServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(PollingServlet.class);

  private final transient EngineIoServer engine;
  private final transient Gate gate;
  private final transient FastLane lane;
  private final transient Supplier<FrameMeter> meters;
  private final int maxBodyBytes;
  private final boolean allowCredentials;
  private final transient Map<String, FrameMeter> sessions = new ConcurrentHashMap<>();
  /** The connection of each session's latest poll (GET), to drop it when the session must end at once. */
  private final transient Map<String, EndPoint> polls = new ConcurrentHashMap<>();

  public PollingServlet(EngineIoServer engine, Gate gate, FastLane lane, Supplier<FrameMeter> meters,
      int maxBodyBytes, boolean allowCredentials) {
    this.engine = engine;
    this.gate = gate;
    this.lane = lane;
    this.meters = meters;
    this.maxBodyBytes = maxBodyBytes;
    this.allowCredentials = allowCredentials;
  }

  /** Session {@code sid} closed: forget its meter and poll. */
  public void forget(String sid) {
    sessions.remove(sid);
    polls.remove(sid);
  }

  /** Drops the connection of session {@code sid}'s pending poll, if any (a write to it may be blocked). */
  public void abort(String sid) {
    EndPoint poll = polls.remove(sid);
    if (poll != null) {
      poll.close();
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, String> query = ParseQS.decode(request.getQueryString());
    String origin = request.getHeader("Origin");
    String address = gate.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    String sid = query.get("sid");
    String host = request.getHeader("Host");
    Gate.Refusal refused = gate.check(query, origin, request.getScheme(), host, address,
        sid == null && "GET".equals(request.getMethod()));
    if (refused != null) {
      answer(response, refused.status(), refused.reason());
      return;
    }
    if (origin != null && gate.namedOrigin(origin)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
      if (allowCredentials) {
        response.setHeader("Access-Control-Allow-Credentials", "true");
      }
    }
    switch (request.getMethod()) {
      case "OPTIONS" -> {
        response.setHeader("Access-Control-Allow-Methods", "GET,POST");
        response.setHeader("Access-Control-Allow-Headers", "content-type");
        response.setStatus(204);
      }
      case "GET" -> {
        if (sid != null && request instanceof ServletApiRequest api) {
          polls.put(sid, api.getRequest().getConnectionMetaData().getConnection().getEndPoint());
        }
        Gate.handshake(address, true, () -> handle(request, response));
      }
      case "POST" -> post(request, response, sid);
      default -> answer(response, 405, "GET or POST");
    }
  }

  private void post(HttpServletRequest request, HttpServletResponse response, String sid) throws IOException {
    long length = request.getContentLengthLong();
    if (length < 0) {
      answer(response, 411, "a Content-Length is required");
      return;
    }
    if (length > maxBodyBytes) {
      answer(response, 413, "a body of " + length + " bytes exceeds the limit of " + maxBodyBytes);
      return;
    }
    if (sid == null) {
      answer(response, 400, "a POST needs a sid");
      return;
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) length);
    }
    if (body.length != length) {
      answer(response, 400, "the body ended before its Content-Length");
      return;
    }
    String broken = meter(sid, new String(body, StandardCharsets.UTF_8));
    if (broken != null) {
      LOG.debug("polling session {} broke a rule: {}", sid, broken);
      lane.protocolError(sid, broken);
      answer(response, 400, broken);
      return;
    }
    HttpServletRequest buffered = new Buffered(request, body);
    handle(buffered, response);
  }

  private void handle(HttpServletRequest request, HttpServletResponse response) {
    try {
      engine.handleRequest(request, response);
    } catch (IOException | RuntimeException e) {
      LOG.debug("polling request failed", e);
      if (!response.isCommitted()) {
        response.setStatus(400);
      }
    }
  }

  /** Meters each engine.io packet of a POST body ({@code \u001e}-separated); null, or the first broken rule. */
  private String meter(String sid, String payload) {
    FrameMeter meter = sessions.computeIfAbsent(sid, s -> meters.get());
    int ackDue = -1;
    String ackJson = null;
    for (String packet : payload.split("\u001e", -1)) {
      if (packet.isEmpty()) {
        return "an empty packet";
      }
      char type = packet.charAt(0);
      String broken;
      if (type == 'b') {
        byte[] attachment;
        try {
          attachment = Base64.getDecoder().decode(packet.substring(1));
        } catch (IllegalArgumentException e) {
          return "an attachment that is not base64";
        }
        broken = meter.binary(attachment.length);
        if (broken == null && ackDue >= 0) {
          lane.ack(sid, ackDue, ackJson, attachment);
          ackDue = -1;
        }
      } else if (type < '0' || type > '6') {
        return "an engine.io packet of unknown type '" + type + "'";
      } else {
        broken = meter.text(packet);
        long ack = broken == null ? Frames.ackId(packet) : Frames.NO;
        if (ack != Frames.NO) {
          String arguments = packet.substring(Frames.arguments(ack));
          if (Frames.binary(ack)) {
            ackDue = Frames.id(ack);
            ackJson = arguments;
          } else {
            lane.ack(sid, Frames.id(ack), arguments, null);
          }
        }
      }
      if (broken != null) {
        return broken;
      }
    }
    return null;
  }

  private static void answer(HttpServletResponse response, int status, String reason) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().write(reason);
  }

  /** The request with its body already read into memory, for the library to read again. */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          int n = in.read(b, off, len);
          return n;
        }
      };
    }
  }
}
