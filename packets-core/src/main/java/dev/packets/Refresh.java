package dev.packets;

/** Built-in packet: tells a client to reload. It has no fields and encodes to zero bytes. */
public record Refresh() {}
