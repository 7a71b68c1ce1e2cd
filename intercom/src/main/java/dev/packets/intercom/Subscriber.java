package dev.packets.intercom;

/**
 * Receives what the nodes publish on one topic, on this node's executor, one publication at a time per node. What
 * it throws is logged; the publisher is not told (a publication has no answer).
 */
@FunctionalInterface
public interface Subscriber {
  /** A publication: {@code value} (a registered packet, a JSON-like value or null), published by node {@code from}. */
  void receive(Object value, String from) throws Exception;
}
