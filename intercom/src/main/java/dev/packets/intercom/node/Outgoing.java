package dev.packets.intercom.node;

import dev.packets.intercom.Gathered;
import dev.packets.intercom.IntercomException;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The one skeleton of asking and publishing, for every transport: the arguments checked, the gathering opened, the
 * frame written once (a payload that cannot be written fails the ask or the publication, never the transport),
 * this node's own part answered or delivered directly. The transport's {@link Route} says only who is asked and how
 * a frame reaches them.
 */
public final class Outgoing {
  /** What a transport does for the skeleton. */
  public interface Route {
    /** Why nothing can be sent now (Redis unreachable, say), or null when it can. */
    IntercomException unavailable(String what);

    /** The other members, now. */
    List<String> peers();

    /** Whether {@code node}, not this one, is a member now. */
    boolean member(String node);

    /** Carries a request to the other members ({@code peers}, as the gathering waits for them). */
    void toAll(List<String> peers, Encoded<Request> request, Gathering gathering);

    /** Carries a request to {@code node} alone; a node gone meanwhile is {@link Gathering#left}. */
    void toOne(String node, Encoded<Request> request, Gathering gathering);

    /** Carries a publication to the other members (this node has had it already). */
    CompletableFuture<Void> publish(Encoded<Publication> publication);

    /** Whether this node answers its own part on the asking thread. */
    boolean inline();
  }

  /** A frame as the receiving nodes read it, and its bytes (null when the transport carries objects). */
  public record Encoded<F extends Frame>(F frame, byte[] bytes) {}

  private final NodeCore core;
  private final Route route;

  public Outgoing(NodeCore core, Route route) {
    this.core = core;
    this.route = route;
  }

  /** Asks every member, this node included. */
  public CompletableFuture<Gathered> ask(String type, Object payload, Duration timeout) {
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    CompletableFuture<Gathered> refused = refused(type, "ask");
    if (refused != null) {
      return refused;
    }
    List<String> peers = route.peers();
    Gathering gathering = core.open(type, peers, timeout);
    Encoded<Request> request = request(gathering, type, payload, timeout);
    if (request == null) {
      return gathering.future();
    }
    if (!peers.isEmpty()) {
      route.toAll(peers, request, gathering);
    }
    core.answerSelf(gathering, request.frame(), route.inline());
    return gathering.future();
  }

  /** Asks one member, by id (this node too); one that is not a member is reported {@link Gathered#left()}. */
  public CompletableFuture<Gathered> ask(String node, String type, Object payload, Duration timeout) {
    NodeCore.checkNode(node);
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    CompletableFuture<Gathered> refused = refused(type, "ask");
    if (refused != null) {
      return refused;
    }
    Gathering gathering = core.openOf(type, List.of(node), timeout);
    Encoded<Request> request = request(gathering, type, payload, timeout);
    if (request == null) {
      return gathering.future();
    }
    if (node.equals(core.self())) {
      core.answerSelf(gathering, request.frame(), route.inline());
    } else if (!route.member(node)) {
      gathering.left(node);
    } else {
      route.toOne(node, request, gathering);
    }
    return gathering.future();
  }

  /** Publishes to every member, this node included. */
  public CompletableFuture<Void> publish(String topic, Object value) {
    NodeCore.checkType(topic);
    CompletableFuture<Void> refused = refused(topic, "publish");
    if (refused != null) {
      return refused;
    }
    Encoded<Publication> publication;
    try {
      publication = encode(new Publication(core.self(), topic, value, null));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    core.deliver(publication.frame());
    return route.publish(publication);
  }

  /** A failed future when this node cannot send now (closed, or its transport down), else null. */
  private <T> CompletableFuture<T> refused(String what, String verb) {
    if (core.closed()) {
      return CompletableFuture.failedFuture(new IntercomException("node " + core.self() + " is closed: it cannot "
          + verb + " '" + what + "'"));
    }
    IntercomException down = route.unavailable(what);
    return down == null ? null : CompletableFuture.failedFuture(down);
  }

  /** The ask's request written once; null (the gathering failed) when its payload cannot be written. */
  private Encoded<Request> request(Gathering gathering, String type, Object payload, Duration timeout) {
    try {
      return encode(new Request(core.self(), gathering.id(), type, timeout.toMillis(), payload, null));
    } catch (RuntimeException e) {
      gathering.fail(e);
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private <F extends Frame> Encoded<F> encode(F frame) {
    Frames wire = core.wire();
    if (wire == null) {
      return new Encoded<>(frame, null);
    }
    byte[] bytes = wire.write(frame);
    return new Encoded<>((F) wire.read(bytes), bytes);
  }
}
