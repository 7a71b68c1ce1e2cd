/** The cluster broadcast benchmark's Java side: a node on Redis that may broadcast at a fixed rate. */
package dev.packets.bench.cluster;
