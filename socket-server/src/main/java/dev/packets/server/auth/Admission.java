package dev.packets.server.auth;

/**
 * A driver's yes: the socket's principal, and the data its client receives in {@code packets:ready} ({@code
 * client.session()} in Java and packets-js; deepstream's clientData): JSON-like, or null.
 */
public record Admission(Object principal, Object clientData) {}
