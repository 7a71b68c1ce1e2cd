package dev.packets.intercom;

import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import dev.packets.intercom.node.Gathering;
import dev.packets.intercom.node.NodeCore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A node of a {@link LocalHub}: it asks the hub's other members directly, in memory. */
public final class LocalIntercom implements Intercom {
  private final LocalHub hub;
  private final NodeCore core;

  LocalIntercom(LocalHub hub, NodeCore core) {
    this.hub = hub;
    this.core = core;
  }

  NodeCore core() {
    return core;
  }

  @Override
  public String self() {
    return core.self();
  }

  @Override
  public Set<String> members() {
    return hub.members();
  }

  @Override
  public LocalIntercom handle(String type, Handler handler) {
    core.handle(type, handler);
    return this;
  }

  @Override
  public LocalIntercom unhandle(String type) {
    core.unhandle(type);
    return this;
  }

  @Override
  public CompletableFuture<Gathered> ask(String type, Object payload, Duration timeout) {
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    List<LocalIntercom> peers = hub.peersOf(self());
    Gathering gathering = core.open(type, peers.stream().map(LocalIntercom::self).toList(), timeout);
    Request request;
    try {
      request = core.throughWire(new Request(self(), gathering.id(), type, timeout.toMillis(), payload, null));
    } catch (RuntimeException e) {
      gathering.fail(e);
      return gathering.future();
    }
    for (LocalIntercom peer : peers) {
      peer.receive(request);
    }
    core.answerSelf(gathering, request, false);
    return gathering.future();
  }

  @Override
  public CompletableFuture<Gathered> ask(String node, String type, Object payload, Duration timeout) {
    NodeCore.checkNode(node);
    NodeCore.checkType(type);
    NodeCore.checkTimeout(timeout);
    Gathering gathering = core.openOf(type, List.of(node), timeout);
    Request request;
    try {
      request = core.throughWire(new Request(self(), gathering.id(), type, timeout.toMillis(), payload, null));
    } catch (RuntimeException e) {
      gathering.fail(e);
      return gathering.future();
    }
    if (node.equals(self())) {
      core.answerSelf(gathering, request, false);
    } else {
      LocalIntercom peer = hub.node(node);
      if (peer == null) {
        gathering.left(node);
      } else {
        peer.receive(request);
      }
    }
    return gathering.future();
  }

  @Override
  public CompletableFuture<Void> publish(String topic, Object value) {
    NodeCore.checkType(topic);
    if (core.closed()) {
      return CompletableFuture.failedFuture(new IntercomException("node " + self() + " is closed: it cannot publish '"
          + topic + "'"));
    }
    Publication publication;
    try {
      publication = core.throughWire(new Publication(self(), topic, value, null));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    core.deliver(publication);
    for (LocalIntercom peer : hub.peersOf(self())) {
      peer.core().deliver(publication);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public LocalIntercom subscribe(String topic, Subscriber subscriber) {
    core.subscribe(topic, subscriber);
    return this;
  }

  @Override
  public LocalIntercom unsubscribe(String topic) {
    core.unsubscribe(topic);
    return this;
  }

  @Override
  public LocalIntercom onLeft(java.util.function.Consumer<String> listener) {
    core.onLeft(listener);
    return this;
  }

  /** A request from another member: answered on this node's executor, the answer handed back to the asker. */
  private void receive(Request request) {
    core.answer(request).thenAccept(outcome -> {
      LocalIntercom asker = hub.node(request.sender());
      if (asker != null) {
        asker.core().reply(new Reply(self(), request.ask(), core.throughWire(request.ask(), outcome)));
      }
    });
  }

  /** Leaves the hub: the members' asks waiting for this node stop waiting. */
  @Override
  public void close() {
    hub.leave(this);
    core.close();
  }

  @Override
  public String toString() {
    return "LocalIntercom[" + self() + "]";
  }
}
