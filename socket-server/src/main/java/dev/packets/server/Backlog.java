package dev.packets.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pushes one socket may have to be sent again, each under its offset (a sequence number, written in base 36
 * as the push's last argument): while the socket is connected, the last {@value #RECENT} (what may have been in
 * flight when its connection broke); while it is parked, every one, up to a count and a byte budget of its own and
 * the node's budget for all parked sessions together. A budget exceeded drops them all and marks the backlog broken: such a session cannot be recovered exactly, so it is not
 * recovered at all.
 *
 * <p>A session's offsets start at a random number between 2^40 and 2^41, so an offset that a client kept from
 * another session is almost surely outside this one's range and is refused rather than misread.
 *
 * <p>Not thread-safe by itself: its socket's lock guards it (a push appends and offers under it, so what is replayed
 * at a recovery and what comes after stay in order).
 */
final class Backlog {
  /** How many of the latest pushes a connected socket keeps. */
  static final int RECENT = 64;

  /** One push: its offset, its packet id and its encoded bytes (shared with the other sockets of a broadcast). */
  record Entry(long offset, int packetId, byte[] payload) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  /** The offset before this session's first push. */
  private final long first;
  private long last;
  private long bytes;
  /** The bytes of pushes kept while parked, counted in the node's total of parked bytes until released. */
  private long counted;
  private boolean broken;

  Backlog() {
    this(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41));
  }

  /** A backlog whose last offset handed out is {@code last} (a session moved from another node goes on from there). */
  Backlog(long last) {
    this.first = last;
    this.last = last;
  }

  long last() {
    return last;
  }

  /** The offset as the client sees it. */
  static String text(long offset) {
    return Long.toString(offset, 36);
  }

  /** The offset a client names, or -1 when it is not one. */
  static long parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 12) {
      return -1;
    }
    try {
      return Long.parseLong(text, 36);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Keeps a push and returns its offset; {@code parked}: keep every one within {@code maxCount} and {@code maxBytes},
   * else the latest {@value #RECENT}.
   */
  long append(int packetId, byte[] payload, boolean parked, int maxCount, long maxBytes, AtomicLong node,
      long nodeMax) {
    long offset = ++last;
    if (broken) {
      return offset;
    }
    entries.addLast(new Entry(offset, packetId, payload));
    bytes += payload.length;
    if (parked) {
      // what every parked session of the node holds, counted too: many sessions within their own budgets must not
      // add up past the node's
      counted += payload.length;
      long all = node.addAndGet(payload.length);
      if (entries.size() > maxCount || bytes > maxBytes || all > nodeMax) {
        broken = true;
        entries.clear();
        bytes = 0;
        release(node);
      }
    } else {
      while (entries.size() > RECENT) {
        bytes -= entries.removeFirst().payload().length;
      }
    }
    return offset;
  }

  /**
   * The session is not parked any more (recovered, moved or ended): its kept bytes leave the node's total, and it
   * keeps what a connected socket keeps.
   */
  void release(AtomicLong node) {
    if (counted != 0) {
      node.addAndGet(-counted);
      counted = 0;
    }
    while (entries.size() > RECENT) {
      bytes -= entries.removeFirst().payload().length;
    }
  }

  /** A parked session was sent more than its budget: it cannot be recovered. */
  boolean broken() {
    return broken;
  }

  /**
   * The pushes after {@code offset} (the last one the client saw; -1: it saw none of this session's), in order; null
   * when they cannot all be given: the offset is not one of this session's, or some were dropped.
   */
  List<Entry> after(long offset) {
    if (broken) {
      return null;
    }
    long from = offset < 0 ? first : offset;
    if (from < first || from > last) {
      return null;
    }
    long oldest = entries.isEmpty() ? last + 1 : entries.peekFirst().offset();
    if (from + 1 < oldest) {
      return null;
    }
    List<Entry> out = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.offset() > from) {
        out.add(entry);
      }
    }
    return out;
  }

  /** Every push kept, in order. */
  List<Entry> all() {
    return List.copyOf(entries);
  }

  /**
   * A session moved here from another node: the client saw up to {@code seen} (-1: none of it), the pushes after
   * that are {@code pending}, and the last offset handed out there was {@code last}.
   */
  static Backlog moved(long seen, long last, List<Entry> pending) {
    long from = seen >= 0 ? seen : pending.isEmpty() ? last : pending.get(0).offset() - 1;
    Backlog backlog = new Backlog(from);
    for (Entry entry : pending) {
      backlog.entries.addLast(entry);
      backlog.bytes += entry.payload().length;
    }
    backlog.last = last;
    return backlog;
  }
}
