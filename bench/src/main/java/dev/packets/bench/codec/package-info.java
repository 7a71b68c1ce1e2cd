/** JMH: the generated packets codec beside Kryo, Fory, protobuf, msgpack and Jackson on the same packets. */
package dev.packets.bench.codec;
