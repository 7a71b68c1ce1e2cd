/** The socket-server load benchmark's server under test; the clients and the Node reference are in bench/node. */
package dev.packets.bench.server;
