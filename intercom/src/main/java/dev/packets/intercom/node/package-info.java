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
 */
package dev.packets.intercom.node;
