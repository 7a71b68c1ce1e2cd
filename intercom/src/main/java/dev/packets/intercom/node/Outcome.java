package dev.packets.intercom.node;

/** How one node answered one ask. */
public sealed interface Outcome {
  /** The handler answered; {@code value} is null for "nothing". */
  public record Answer(Object value) implements Outcome {}

  /** The node has no handler for the type. */
  public record NoHandler() implements Outcome {
    public static final NoHandler INSTANCE = new NoHandler();
  }

  /** The handler threw or failed, or its answer could not be encoded or decoded. */
  public record Failed(String message) implements Outcome {}
}
