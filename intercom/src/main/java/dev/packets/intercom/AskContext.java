package dev.packets.intercom;

import java.time.Duration;

/**
 * What a handler knows about the question it answers.
 *
 * @param self the answering node, the one the handler runs on
 * @param from the asking node, maybe {@code self}
 * @param type the question's type
 * @param timeout how long the asker waits for answers
 */
public record AskContext(String self, String from, String type, Duration timeout) {}
