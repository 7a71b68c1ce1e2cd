package dev.packets.intercom;

/** The contract on a hub that passes every frame through the binary codec, as the network does. */
final class LocalBinaryIntercomTest extends IntercomContract {
  private final LocalHub hub = LocalHub.binary(REGISTRY);

  @Override
  protected Intercom start(String id) {
    return hub.join(id);
  }

  @Override
  protected boolean binary() {
    return true;
  }
}
