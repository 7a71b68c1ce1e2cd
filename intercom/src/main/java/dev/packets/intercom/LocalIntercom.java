package dev.packets.intercom;

import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import dev.packets.intercom.node.Gathering;
import dev.packets.intercom.node.NodeCore;
import dev.packets.intercom.node.NodeIntercom;
import dev.packets.intercom.node.Outgoing;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A node of a {@link LocalHub}: it asks the hub's other members directly, in memory. */
public final class LocalIntercom extends NodeIntercom {
  private final LocalHub hub;

  LocalIntercom(LocalHub hub, NodeCore core) {
    super(core);
    this.hub = hub;
    route(new InMemory());
  }

  /** The hub's way from node to node: method calls, the frames as the binary codec reads them (or as they are). */
  private final class InMemory implements Outgoing.Route {
    @Override
    public IntercomException unavailable(String what) {
      return null;
    }

    @Override
    public List<String> peers() {
      return hub.peersOf(self()).stream().map(LocalIntercom::self).toList();
    }

    @Override
    public boolean member(String node) {
      return hub.node(node) != null;
    }

    @Override
    public void toAll(List<String> peers, Outgoing.Encoded<Request> request, Gathering gathering) {
      for (String node : peers) {
        toOne(node, request, gathering);
      }
    }

    @Override
    public void toOne(String node, Outgoing.Encoded<Request> request, Gathering gathering) {
      LocalIntercom peer = hub.node(node);
      if (peer == null) {
        gathering.left(node);
      } else {
        peer.receive(request.frame());
      }
    }

    @Override
    public CompletableFuture<Void> publish(Outgoing.Encoded<Publication> publication) {
      for (LocalIntercom peer : hub.peersOf(self())) {
        peer.core().deliver(publication.frame());
      }
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean inline() {
      return false;
    }
  }

  NodeCore core() {
    return core;
  }

  @Override
  public Set<String> members() {
    return hub.members();
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
