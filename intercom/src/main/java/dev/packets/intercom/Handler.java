package dev.packets.intercom;

/**
 * Answers one type of question on one node.
 *
 * <p>It returns the answer (a registered packet or a JSON-like value), null for "nothing", or a
 * {@link java.util.concurrent.CompletionStage} of either. What it throws, or the stage it returns fails with,
 * reaches the asker as {@link Gathered#failed()}, with the message.
 */
@FunctionalInterface
public interface Handler {
  Object answer(Object payload, AskContext ask) throws Exception;
}
