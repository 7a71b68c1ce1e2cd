/**
 * The intercom across machines on Redis: {@code RedisIntercom} (the node: routing, and the transports' one ask
 * skeleton over Redis), {@code RedisIntercomBuilder} (its settings), {@code RedisLink} (its pub/sub connections and
 * the seal on every frame), and the presence protocol ({@code Heartbeats}: HELLO, heartbeats and GOODBYE;
 * {@code Membership}: who is a member, capped; {@code Strangers}: nodes of another packet registry). Lettuce comes
 * with this module only.
 */
package dev.packets.intercom.redis;
