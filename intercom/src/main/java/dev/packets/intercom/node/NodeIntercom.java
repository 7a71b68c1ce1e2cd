package dev.packets.intercom.node;

import dev.packets.intercom.Gathered;
import dev.packets.intercom.Handler;
import dev.packets.intercom.Intercom;
import dev.packets.intercom.Subscriber;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What every intercom transport's node is besides its transport: its {@link NodeCore} (handlers, subscribers,
 * answers) and the one skeleton of asking and publishing ({@link Outgoing}), on the {@link Outgoing.Route} the
 * transport gives in its constructor. A transport adds who its members are, how frames reach them, and closing.
 */
public abstract class NodeIntercom implements Intercom {
  protected final NodeCore core;
  private Outgoing out;

  protected NodeIntercom(NodeCore core) {
    this.core = core;
  }

  /** How this transport carries asks and publications; set once, at the end of the transport's constructor. */
  protected final void route(Outgoing.Route route) {
    if (out != null) {
      throw new IllegalStateException("the route is set once");
    }
    out = new Outgoing(core, route);
  }

  @Override
  public String self() {
    return core.self();
  }

  @Override
  public NodeIntercom handle(String type, Handler handler) {
    core.handle(type, handler);
    return this;
  }

  @Override
  public NodeIntercom unhandle(String type) {
    core.unhandle(type);
    return this;
  }

  @Override
  public CompletableFuture<Gathered> ask(String type, Object payload, Duration timeout) {
    return out.ask(type, payload, timeout);
  }

  @Override
  public CompletableFuture<Gathered> ask(String node, String type, Object payload, Duration timeout) {
    return out.ask(node, type, payload, timeout);
  }

  @Override
  public CompletableFuture<Void> publish(String topic, Object value) {
    return out.publish(topic, value);
  }

  @Override
  public NodeIntercom subscribe(String topic, Subscriber subscriber) {
    core.subscribe(topic, subscriber);
    return this;
  }

  @Override
  public NodeIntercom unsubscribe(String topic) {
    core.unsubscribe(topic);
    return this;
  }

  @Override
  public NodeIntercom onLeft(Consumer<String> listener) {
    core.onLeft(listener);
    return this;
  }
}
