package dev.packets.intercom.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other nodes a networked node knows, with their incarnation and when it last heard of each: a node is a
 * member from its first HELLO or HEARTBEAT until its GOODBYE or until it has been silent for {@code missed}
 * heartbeats.
 */
final class Membership {
  /** What a HELLO or HEARTBEAT told. */
  enum Heard { NEW, KNOWN, RESTARTED, REFUSED }

  private record Member(long incarnation, long lastHeard) {}

  private final String self;
  private final long silenceNanos;
  private final Map<String, Member> members = new ConcurrentHashMap<>();
  private final int maxMembers;

  /** @param maxMembers the most other nodes it keeps: past it, a new node is refused until one leaves */
  Membership(String self, Duration heartbeat, int missed, int maxMembers) {
    this.self = self;
    this.silenceNanos = heartbeat.toNanos() * missed;
    this.maxMembers = maxMembers;
  }

  /** The node is alive; a new node past the cap is {@link Heard#REFUSED} and not kept. */
  Heard heard(String node, long incarnation) {
    Member now = new Member(incarnation, System.nanoTime());
    Member before = members.get(node);
    if (before == null) {
      if (members.size() >= maxMembers) {
        return Heard.REFUSED;
      }
      before = members.putIfAbsent(node, now);
      return before == null ? Heard.NEW : heard(node, incarnation);
    }
    members.put(node, now);
    return before.incarnation() == incarnation ? Heard.KNOWN : Heard.RESTARTED;
  }

  /** The node is alive, if it is a member (a reply or a question does not make a member). */
  void refresh(String node) {
    members.computeIfPresent(node, (id, member) -> new Member(member.incarnation(), System.nanoTime()));
  }

  /** After this node was cut off: every member gets a full heartbeat timeout again. */
  void refreshAll() {
    long now = System.nanoTime();
    members.replaceAll((node, member) -> new Member(member.incarnation(), now));
  }

  /** The node said goodbye; true if that incarnation was a member. */
  boolean remove(String node, long incarnation) {
    Member member = members.get(node);
    return member != null && member.incarnation() == incarnation && members.remove(node, member);
  }

  /** Removes and returns the members silent for too long. */
  List<String> reap() {
    long now = System.nanoTime();
    List<String> gone = new ArrayList<>();
    for (Map.Entry<String, Member> member : members.entrySet()) {
      if (now - member.getValue().lastHeard() > silenceNanos && members.remove(member.getKey(), member.getValue())) {
        gone.add(member.getKey());
      }
    }
    return gone;
  }

  /** The other members, sorted by id. */
  List<String> peers() {
    List<String> peers = new ArrayList<>(members.keySet());
    Collections.sort(peers);
    return peers;
  }

  /** The members, this node included, sorted. */
  Set<String> members() {
    Set<String> all = new TreeSet<>(members.keySet());
    all.add(self);
    return Collections.unmodifiableSet(all);
  }
}
