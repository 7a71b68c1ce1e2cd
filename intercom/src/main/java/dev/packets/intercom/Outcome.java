package dev.packets.intercom;

/** How one node answered one ask. */
sealed interface Outcome {
  /** The handler answered; {@code value} is null for "nothing". */
  record Answer(Object value) implements Outcome {}

  /** The node has no handler for the type. */
  record NoHandler() implements Outcome {
    static final NoHandler INSTANCE = new NoHandler();
  }

  /** The handler threw or failed, or its answer could not be encoded or decoded. */
  record Failed(String message) implements Outcome {}
}
