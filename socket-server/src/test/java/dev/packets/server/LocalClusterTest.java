package dev.packets.server;

import dev.packets.intercom.Intercom;
import dev.packets.intercom.LocalHub;

/** The cluster's contract in one JVM: a LocalHub, every frame through the binary codec (what Redis would carry). */
class LocalClusterTest extends ClusterContract {
  private final LocalHub hub = LocalHub.binary(TestPackets.REGISTRY);

  @Override
  protected Intercom join(String id) {
    return hub.join(id);
  }
}
