/**
 * The transport kit: what every intercom transport shares and applications do not use. {@code NodeIntercom} is a
 * transport's node but for its transport (the core and the skeleton below, behind the {@code Intercom} API);
 * {@code Outgoing} is the one
 * skeleton of asking and publishing (checks, the gathering, the frame written once, this node's own part), to which
 * a transport gives a {@code Outgoing.Route}: who is asked and how a frame reaches them. {@code NodeCore} answers
 * (handlers, the read-thread rule, outcomes) and keeps the asks in flight, {@code Gathering} collects one ask's
 * answers until its deadline, {@code Frames} writes and reads the binary frames (their bytes are documented on the
 * {@code dev.packets.intercom} package), {@code FrameSeal} signs them for an untrusted carrier, {@code Payloads}
 * carries packets and JSON-like values in them. LocalHub (this module) and RedisIntercom (intercom-redis) are built
 * on it.
 *
 * <p><b>Internal.</b> Public only because the transports (LocalHub here, RedisIntercom in intercom-redis) call into it; not part of the API (left out of the javadoc, free to
 * change in any version: docs/compatibility.md).
 */
package dev.packets.intercom.node;
