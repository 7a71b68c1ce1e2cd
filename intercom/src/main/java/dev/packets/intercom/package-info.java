/**
 * The intercom: one server node asks every node of the application a question and gathers their answers, in one
 * process ({@link dev.packets.intercom.LocalHub}) or across machines on Redis
 * ({@code dev.packets.intercom.redis.RedisIntercom}, in intercom-redis).
 *
 * <h2>Frames</h2>
 *
 * <p>Nodes that talk over a network exchange binary frames, written by {@code Frames}. Strings are a varuint
 * byte length and UTF-8; integers are unsigned LEB128 varuints; a frame is:
 *
 * <pre>
 * | version u8 = 1 | kind u8 | sender string | body                                                  |
 * kind 1 REQUEST   body = ask varuint | type string | timeout-ms varuint | value
 * kind 2 REPLY     body = ask varuint | outcome u8: 0 ANSWER value, 1 NO HANDLER, 2 FAILED message string
 * kind 3 HELLO     body = incarnation varuint | registry fingerprint string   (a node starts or reconnects)
 * kind 4 HEARTBEAT body = incarnation varuint | registry fingerprint string   (every heartbeat, and to a HELLO)
 * kind 5 GOODBYE   body = incarnation varuint                                 (a node closes)
 * kind 6 PUBLISH   body = topic string | value                                (no answer)
 * value = tag u8: 0 NOTHING (null) | 1 PACKED, msgpack to the end | 2 PACKET, id u16 LE and its payload to the end
 * </pre>
 *
 * <p>Node {@code a} asking {@code "where"} with payload {@code {"e": 7}} (ask 1, timeout 250 ms):
 * {@code 01 01 01 61 | 01 05 77 68 65 72 65 | fa 01 | 01 81 a1 65 07}; node {@code b} answering it with the
 * packet {@code Redirect("/b")} (id 2 in a registry of the built-ins only):
 * {@code 01 02 01 62 | 01 00 | 02 02 00 02 2f 62}; node {@code a} publishing {@code 7} on {@code "news"}:
 * {@code 01 06 01 61 | 04 6e 65 77 73 | 01 07}. The incarnation is a random number drawn at each start, so that
 * a node that restarts under the same id (or a second node given the same id) is told apart.
 *
 * <p>On Redis every frame is sealed with the cluster's secret ({@code dev.packets.intercom.node.FrameSeal}): the
 * frame, then the time it was sealed (u64 big-endian milliseconds), then the first 16 bytes of
 * HMAC-SHA256(secret, frame | time). A frame whose seal does not check, or sealed more than 30 s from the reader's
 * clock, is dropped and counted ({@code droppedFrames()}), never logged one by one. Ask ids are random 63-bit
 * numbers.
 *
 * <p>On Redis, REQUEST (of every node), PUBLISH, HELLO, HEARTBEAT and GOODBYE are published on the shared
 * channel {@code <prefix>:all}; REPLY, the HEARTBEAT that answers a HELLO, and a REQUEST of one node on that node's
 * own channel {@code <prefix>:node:<id>}.
 */
package dev.packets.intercom;

