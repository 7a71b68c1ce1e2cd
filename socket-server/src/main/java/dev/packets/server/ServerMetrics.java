package dev.packets.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one server: connections, packets and bytes in and out, errors and acceptor latency. */
public final class ServerMetrics {
  final AtomicInteger connections = new AtomicInteger();
  final LongAdder connectionsTotal = new LongAdder();
  final LongAdder packetsIn = new LongAdder();
  final LongAdder packetsOut = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder acceptorNanos = new LongAdder();
  final LongAdder acceptorCalls = new LongAdder();
  final LongAdder outboundOverflows = new LongAdder();
  final LongAdder protocolErrors = new LongAdder();
  final LongAdder clusterLost = new LongAdder();
  final LongAdder clusterDropped = new LongAdder();
  final LongAdder recovered = new LongAdder();
  final LongAdder notRecovered = new LongAdder();
  final AtomicInteger parked = new AtomicInteger();
  /** The bytes of the pushes kept for parked sessions, all together. */
  final java.util.concurrent.atomic.AtomicLong parkedBytes = new java.util.concurrent.atomic.AtomicLong();

  public int connections() {
    return connections.get();
  }

  /** Connections accepted since the start (refused ones not counted). */
  public long connectionsTotal() {
    return connectionsTotal.sum();
  }

  /** Acceptor calls completed. */
  public long acceptorCalls() {
    return acceptorCalls.sum();
  }

  /** Time spent in acceptors (validate and respond, to completion), in nanoseconds, all calls together. */
  public long acceptorNanos() {
    return acceptorNanos.sum();
  }

  public long packetsIn() {
    return packetsIn.sum();
  }

  public long packetsOut() {
    return packetsOut.sum();
  }

  public long bytesIn() {
    return bytesIn.sum();
  }

  public long bytesOut() {
    return bytesOut.sum();
  }

  /** Packets that failed to decode or hydrate, acceptors that threw, and malformed frames. */
  public long errors() {
    return errors.sum();
  }

  /** Packets refused by validation, rate limits or hooks. */
  public long refused() {
    return refused.sum();
  }

  /** Sockets closed because their outbound budget was exceeded (a client that does not read). */
  public long outboundOverflows() {
    return outboundOverflows.sum();
  }

  /**
   * Connections closed for breaking the protocol: a second CONNECT, too many attachments, frames over their budget,
   * pongs that answer no ping.
   */
  public long protocolErrors() {
    return protocolErrors.sum();
  }

  /** Fan-outs (broadcasts, room sends) that this node could not publish to the other nodes (the intercom failed). */
  public long clusterLost() {
    return clusterLost.sum();
  }

  /** Other nodes' fan-outs this node dropped: malformed, or from a node with another packet registry. */
  public long clusterDropped() {
    return clusterDropped.sum();
  }

  /** Sessions recovered: a client came back within the time and got its session and what it missed. */
  public long recovered() {
    return recovered.sum();
  }

  /**
   * Clients that asked to recover a session and got a new one instead (unknown, expired, over its budget, on a node
   * that did not answer).
   */
  public long notRecovered() {
    return notRecovered.sum();
  }

  /** Sessions waiting now to be recovered on this node. */
  public int parked() {
    return parked.get();
  }

  /** The bytes of the pushes this node keeps for parked sessions (shared payloads counted once per session). */
  public long parkedBytes() {
    return parkedBytes.get();
  }

  /** Mean time in acceptors (validate and respond, to completion), in microseconds. */
  public double acceptorMeanMicros() {
    long calls = acceptorCalls.sum();
    return calls == 0 ? 0 : acceptorNanos.sum() / 1000.0 / calls;
  }

  /** The counters as JSON-like data, as {@code GET /health} shows them. */
  public Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("connections", connections());
    out.put("connectionsTotal", connectionsTotal());
    out.put("packetsIn", packetsIn());
    out.put("packetsOut", packetsOut());
    out.put("bytesIn", bytesIn());
    out.put("bytesOut", bytesOut());
    out.put("outboundOverflows", outboundOverflows());
    out.put("protocolErrors", protocolErrors());
    out.put("clusterLost", clusterLost());
    out.put("clusterDropped", clusterDropped());
    out.put("recovered", recovered());
    out.put("notRecovered", notRecovered());
    out.put("parked", parked());
    out.put("parkedBytes", parkedBytes());
    out.put("errors", errors());
    out.put("refused", refused());
    out.put("acceptorMeanMicros", Math.round(acceptorMeanMicros() * 10) / 10.0);
    return out;
  }
}
