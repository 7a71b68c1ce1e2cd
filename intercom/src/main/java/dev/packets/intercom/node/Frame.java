package dev.packets.intercom.node;

/** One message between nodes; {@link Frames} writes and reads them. */
public sealed interface Frame {
  public int VERSION = 1;

  /** The node that sent the frame. */
  public String sender();

  /**
   * A question. {@code problem} is null, or says why the payload could not be decoded (the node then answers with
   * a failure instead of running its handler).
   */
  public record Request(String sender, long ask, String type, long timeoutMillis, Object payload, String problem)
      implements Frame {}

  /**
   * A publication on {@code topic}, for every node's subscriber, with no answer. {@code problem} is null, or says
   * why the payload could not be decoded (the publication is then dropped and counted).
   */
  record Publication(String sender, String topic, Object payload, String problem) implements Frame {}

  /** An answer to ask {@code ask} of the receiving node. */
  public record Reply(String sender, long ask, Outcome outcome) implements Frame {}

  /**
   * Membership: a node starting, alive, or leaving. {@code incarnation} is random per start, so that a node that
   * restarts under the same id is told from the one before; a GOODBYE has no fingerprint ("").
   */
  public record Presence(String sender, Kind kind, long incarnation, String fingerprint) implements Frame {}

  /** The frame kinds, with their byte on the wire. */
  public enum Kind {
    REQUEST(1), REPLY(2), HELLO(3), HEARTBEAT(4), GOODBYE(5), PUBLISH(6);

    final int code;

    Kind(int code) {
      this.code = code;
    }
  }
}
