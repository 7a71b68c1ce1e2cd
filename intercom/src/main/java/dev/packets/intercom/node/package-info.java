/**
 * The transport kit: what every intercom transport shares and applications do not use. {@code NodeCore} is the one
 * ask skeleton (handlers, the read-thread rule, outcomes), {@code Gathering} collects one ask's answers until its
 * deadline, {@code Frames} writes and reads the binary frames (their bytes are documented on the
 * {@code dev.packets.intercom} package), {@code Payloads} carries packets and JSON-like values in them. LocalHub
 * (this module) and RedisIntercom (intercom-redis) are built on it.
 */
package dev.packets.intercom.node;
