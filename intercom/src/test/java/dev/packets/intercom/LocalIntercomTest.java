package dev.packets.intercom;

/** The contract on a hub that hands values over as they are. */
final class LocalIntercomTest extends IntercomContract {
  private final LocalHub hub = LocalHub.create();

  @Override
  protected Intercom start(String id) {
    return hub.join(id);
  }

  @Override
  protected boolean binary() {
    return false;
  }
}
