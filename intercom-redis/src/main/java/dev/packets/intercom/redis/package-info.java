/**
 * The intercom across machines on Redis: {@code RedisIntercom} (the node), {@code RedisLink} (its pub/sub
 * connections), and the presence protocol ({@code Membership}: HELLO, heartbeats and GOODBYE; {@code Strangers}:
 * what is said to nodes not yet known). Lettuce comes with this module only.
 */
package dev.packets.intercom.redis;
