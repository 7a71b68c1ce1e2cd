package dev.packets;

/**
 * Built-in packet: tells a client to go to {@code location} (a browser client navigates there).
 * Schema {@code {location: "string"}}.
 */
public record Redirect(String location) {}
