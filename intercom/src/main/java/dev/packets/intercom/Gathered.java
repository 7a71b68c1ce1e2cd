package dev.packets.intercom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one ask gathered, node by node. Every node that was asked is in exactly one of {@link #answers()},
 * {@link #noHandler()}, {@link #failed()}, {@link #timedOut()} and {@link #left()}. Nodes come in the order the
 * asker knew them: itself first, then the others by id.
 */
public final class Gathered {
  private final String type;
  private final Set<String> asked;
  private final Map<String, Object> answers;
  private final Set<String> noHandler;
  private final Map<String, String> failed;
  private final Set<String> timedOut;
  private final Set<String> left;

  /** Made by a transport when an ask ends (see {@code dev.packets.intercom.node.Gathering}). */
  public Gathered(String type, Set<String> asked, Map<String, Object> answers, Set<String> noHandler,
      Map<String, String> failed, Set<String> timedOut, Set<String> left) {
    this.type = type;
    this.asked = Collections.unmodifiableSet(new LinkedHashSet<>(asked));
    this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    this.noHandler = Collections.unmodifiableSet(new LinkedHashSet<>(noHandler));
    this.failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    this.timedOut = Collections.unmodifiableSet(new LinkedHashSet<>(timedOut));
    this.left = Collections.unmodifiableSet(new LinkedHashSet<>(left));
  }

  /** The question's type. */
  public String type() {
    return type;
  }

  /** Every node that was asked, the asker included. */
  public Set<String> asked() {
    return asked;
  }

  /** The answers by node id; a node that answered "nothing" maps to null. */
  public Map<String, Object> answers() {
    return answers;
  }

  /** The answer of {@code node}, or null if it answered nothing or did not answer. */
  public Object answer(String node) {
    return answers.get(node);
  }

  /** The nodes that have no handler for the type. */
  public Set<String> noHandler() {
    return noHandler;
  }

  /** The nodes whose handler threw or failed, with the error's message. */
  public Map<String, String> failed() {
    return failed;
  }

  /** The nodes that did not answer within the timeout. */
  public Set<String> timedOut() {
    return timedOut;
  }

  /** The nodes that left (closed, or stopped beating) before they answered. */
  public Set<String> left() {
    return left;
  }

  /** Whether every node asked answered (possibly with nothing). */
  public boolean complete() {
    return answers.size() == asked.size();
  }

  /**
   * The answers as one list, as flecks' {@code req.intercom} returns them, without the nodes that answered
   * nothing: the non-null answers in node order (the asker's first). A list answer stays one item.
   */
  public List<Object> values() {
    List<Object> values = new ArrayList<>(answers.size());
    for (Object answer : answers.values()) {
      if (answer != null) {
        values.add(answer);
      }
    }
    return Collections.unmodifiableList(values);
  }

  @Override
  public String toString() {
    return "Gathered[" + type + ": answers=" + answers.keySet() + ", noHandler=" + noHandler + ", failed=" + failed
        + ", timedOut=" + timedOut + ", left=" + left + "]";
  }
}
