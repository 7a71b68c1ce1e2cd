package dev.packets.server;

import dev.packets.socketio.Frames;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.json.JSONObject;

/**
 * Socket.IO's connection state recovery at the door of each engine.io session, before the library sees it:
 *
 * <ol>
 *   <li>The session's first CONNECT to the main namespace is read: {@code 0{"pid":"…","offset":"…",…}} asks to
 *       recover session {@code pid}, whose last push seen was {@code offset}. A pid parked on this node is claimed
 *       at once; one that is not is asked of the other nodes, and meanwhile the session's packets wait here (at most
 *       {@value #MAX_HELD}; more close it), then go on to the library in order.
 *   <li>The library's answer, {@code 0{"sid":"<its id>"}}, is rewritten as it is flushed: {@code
 *       0{"sid":"<the session's id>","pid":"<its pid>"}} (a new pid for a new session, so the client can come back).
 *   <li>{@link Sessions#connected} takes the {@link Decision} and resumes the claimed session or starts a new one.
 * </ol>
 */
final class Reconnects {
  /** Packets a session may send while its recovery is asked of the other nodes (a client sends none: it waits). */
  static final int MAX_HELD = 16;

  /** What a session's CONNECT gets: a claimed session to resume, or a new one with {@code pid}. */
  record Decision(String pid, Recovery.Claim claim, boolean asked) {}

  private final Recovery recovery;
  private final Executor pool;
  private final ServerMetrics metrics;
  /** Decisions until {@link Sessions#connected} takes them, by engine.io session id. */
  private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
  /**
   * Decisions until the library's answer is flushed: on a polling session that may be after the socket was made
   * (the answer waits for the client's next GET).
   */
  private final Map<String, Decision> answers = new ConcurrentHashMap<>();

  Reconnects(Recovery recovery, Executor pool, ServerMetrics metrics) {
    this.recovery = recovery;
    this.pool = pool;
    this.metrics = metrics;
  }

  /** Engine.io opened {@code session}: its first CONNECT passes here before it reaches the library. */
  void watch(EngineIoSocket session) {
    List<Emitter.Listener> library = new ArrayList<>(session.listeners("data"));
    Door door = new Door(session, library);
    session.off("data");
    session.on("data", door);
    session.on("flush", door.answer);
  }

  /** The decision for the CONNECT of engine.io session {@code sid}, taken (once), or null. */
  Decision take(String sid) {
    return decisions.remove(sid);
  }

  /** Session {@code sid} closed: a session it had claimed and not resumed is parked again. */
  void closed(String sid) {
    answers.remove(sid);
    Decision left = decisions.remove(sid);
    if (left != null && left.claim() != null) {
      recovery.unclaimed(left.claim());
    }
  }

  /**
   * A lane's hello, {@code {"pid":"…","offset":"…",…}}: {@code decided} gets a claimed session to resume, or a new
   * one with its pid; at once, or after the other nodes were asked (on the pool), unless the connection is {@code
   * gone} by then (a claim is given back).
   */
  void decide(Object hello, BooleanSupplier gone, Consumer<Decision> decided) {
    String pid = null;
    long offset = -1;
    if (hello instanceof Map<?, ?> data) {
      pid = data.get("pid") instanceof String p && p.length() <= 64 ? p : null;
      String text = data.get("offset") instanceof String o ? o : null;
      offset = Backlog.parse(text);
      if (text != null && offset < 0) {
        pid = null; // an offset that is none of ours: nothing can be recovered
      }
    }
    decide(pid, offset, gone, decided);
  }

  /**
   * Decides for {@code pid} (null: a new session) at once (true), or asks the other nodes and gives {@code decided}
   * their answer later, on the pool, unless the connection is {@code gone} by then (false).
   */
  private boolean decide(String pid, long offset, BooleanSupplier gone, Consumer<Decision> decided) {
    if (pid == null) {
      decided.accept(new Decision(Recovery.newPid(), null, false));
      return true;
    }
    Recovery.Claim claim = recovery.claimLocal(pid, offset);
    if (claim != null) {
      decided.accept(new Decision(pid, claim, true));
      return true;
    }
    recovery.claimRemote(pid, offset).whenComplete((remote, error) -> pool.execute(() -> {
      if (gone.getAsBoolean()) {
        // gone while the other nodes were asked: nothing to decide for (a session handed over is parked here)
        if (remote != null) {
          recovery.unclaimed(remote);
        }
        return;
      }
      decided.accept(remote != null ? new Decision(pid, remote, true) : new Decision(Recovery.newPid(), null, true));
    }));
    return false;
  }

  /** Whether {@code packet} (a Socket.IO packet without engine.io's type) is a CONNECT to the main namespace. */
  private static boolean mainConnect(Object packet) {
    return packet instanceof String s && !s.isEmpty() && s.charAt(0) == '0' && (s.length() == 1 || s.charAt(1) == '{');
  }

  /** One session's door: holds its data while its CONNECT is decided, and rewrites the library's answer. */
  private final class Door implements Emitter.Listener {
    private final EngineIoSocket session;
    private final List<Emitter.Listener> library;
    /** Data that came while the other nodes were asked, or null when nothing waits. */
    private List<Object> held;
    private boolean decided;
    final Emitter.Listener answer = new Emitter.Listener() {
      @Override
      public void call(Object... args) {
        rewrite(this, args);
      }
    };

    Door(EngineIoSocket session, List<Emitter.Listener> library) {
      this.session = session;
      this.library = library;
    }

    @Override
    public void call(Object... args) {
      Object data = args.length > 0 ? args[0] : null;
      synchronized (this) {
        if (held != null) {
          if (held.size() >= MAX_HELD) {
            metrics.protocolErrors.increment();
            session.close();
          } else {
            held.add(data);
          }
          return;
        }
        if (!decided && mainConnect(data)) {
          decided = true;
          if (!decide((String) data)) {
            held = new ArrayList<>();
            held.add(data);
            return;
          }
        }
      }
      pass(data);
    }

    /** Decides at once (true), or asks the other nodes and lets the held data go when they answer (false). */
    private boolean decide(String connect) {
      String sid = session.getId();
      String pid = null;
      long offset = -1;
      if (connect.length() > 1) {
        try {
          JSONObject data = new JSONObject(connect.substring(1));
          pid = data.opt("pid") instanceof String p && p.length() <= 64 ? p : null;
          String text = data.opt("offset") instanceof String o ? o : null;
          offset = Backlog.parse(text);
          if (text != null && offset < 0) {
            pid = null; // an offset that is none of ours: nothing can be recovered
          }
        } catch (RuntimeException | StackOverflowError e) {
          pid = null; // the library refuses it in its own words
        }
      }
      return Reconnects.this.decide(pid, offset,
          () -> session.getReadyState() == io.socket.engineio.server.ReadyState.CLOSED, decision -> {
            decided(decision);
            synchronized (this) {
              if (held != null) {
                release(); // decided after the other nodes were asked: what came meanwhile goes on
              }
            }
          });
    }

    private void decided(Decision decision) {
      decisions.put(session.getId(), decision);
      answers.put(session.getId(), decision);
    }

    private void release() {
      synchronized (this) {
        for (Object data : held) {
          pass(data);
        }
        held = null;
      }
    }

    private void pass(Object data) {
      for (Emitter.Listener listener : library) {
        listener.call(data);
      }
    }

    /** The library flushes its answer to the CONNECT: the session's own id and pid go in. */
    private void rewrite(Emitter.Listener self, Object... args) {
      if (args.length == 0 || !(args[0] instanceof Collection<?> packets)) {
        return;
      }
      for (Object item : packets) {
        if (item instanceof Packet<?> packet && Packet.MESSAGE.equals(packet.type) && mainConnect(packet.data)) {
          Decision decision = answers.remove(session.getId());
          if (decision != null) {
            String answer = (String) packet.data;
            String sid = decision.claim() != null ? decision.claim().id()
                : new JSONObject(answer.substring(1)).getString("sid");
            @SuppressWarnings("unchecked")
            Packet<Object> writable = (Packet<Object>) packet;
            writable.data = Frames.connected(sid, decision.pid());
          }
          session.off("flush", self);
          return;
        }
      }
    }
  }
}
