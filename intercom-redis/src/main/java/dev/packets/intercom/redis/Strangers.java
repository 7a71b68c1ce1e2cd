package dev.packets.intercom.redis;

import dev.packets.PacketRegistry;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;
import dev.packets.intercom.node.Frames;
import dev.packets.intercom.node.Outcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes that speak another packet registry (their HELLO and HEARTBEAT carry its fingerprint). Between them
 * JSON-like values travel, but a packet id may name another packet: their packets are refused, with the reason.
 */
final class Strangers {
  private final String self;
  private final PacketRegistry registry;
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

  Strangers(String self, PacketRegistry registry) {
    this.self = self;
    this.registry = registry;
  }

  /** Notes the registry a node speaks; true when it newly speaks another than this node's (worth a warning). */
  boolean heard(String node, String fingerprint) {
    if (registry.fingerprint().equals(fingerprint)) {
      fingerprints.remove(node);
      return false;
    }
    return !fingerprint.equals(fingerprints.put(node, fingerprint));
  }

  /** The request, or a request to refuse if it carries a packet from a stranger. */
  Request guard(Request request) {
    String problem = request.problem() != null ? mismatch(request.sender(), request.problem())
        : isPacket(request.payload()) ? mismatch(request.sender(), null) : null;
    return problem == null ? request
        : new Request(request.sender(), request.ask(), request.type(), request.timeoutMillis(), null, problem);
  }

  /** The publication, or one to drop if it carries a packet from a stranger. */
  Publication guard(Publication publication) {
    String problem = publication.problem() != null ? mismatch(publication.sender(), publication.problem())
        : isPacket(publication.payload()) ? mismatch(publication.sender(), null) : null;
    return problem == null ? publication
        : new Publication(publication.sender(), publication.topic(), null, problem);
  }

  /** The reply, or a failure if it carries a packet from a stranger. */
  Reply guard(Reply reply) {
    String problem = null;
    if (reply.outcome() instanceof Outcome.Answer answer && isPacket(answer.value())) {
      problem = mismatch(reply.sender(), null);
    } else if (reply.outcome() instanceof Outcome.Failed failed && failed.message().startsWith(Frames.UNDECODABLE)) {
      problem = mismatch(reply.sender(), failed.message());
    }
    return problem == null ? reply : new Reply(reply.sender(), reply.ask(), new Outcome.Failed(problem));
  }

  private boolean isPacket(Object value) {
    return value != null && registry.contains(value.getClass());
  }

  /** Why a packet from {@code sender} is refused; {@code detail} alone if the sender is no stranger. */
  private String mismatch(String sender, String detail) {
    String theirs = fingerprints.get(sender);
    if (theirs == null) {
      return detail;
    }
    return "node " + sender + " speaks packet registry " + theirs + " and node " + self + " "
        + registry.fingerprint() + ": packets cannot travel between them" + (detail == null ? "" : " (" + detail + ")");
  }
}
