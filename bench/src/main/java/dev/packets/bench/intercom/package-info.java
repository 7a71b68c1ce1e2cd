/** The intercom benchmark: asks/s and ask latency, local and over Redis; the Node anchor is in bench/node/intercom. */
package dev.packets.bench.intercom;
