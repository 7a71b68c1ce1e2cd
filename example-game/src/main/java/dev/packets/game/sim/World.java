package dev.packets.game.sim;

/**
 * The shape of the one world the nodes share: {@code nodes} square regions side by side, region {@code i} (0-based)
 * spanning {@code x} from {@code i * REGION} to {@code (i + 1) * REGION} and all of {@code y}. Node {@code i + 1}
 * simulates region {@code i}. Entities bounce off the world's outer edges and cross the borders between regions.
 */
public record World(int nodes) {
  /** The side of one region, in world units. */
  public static final float REGION = 1000f;
  /** The world's height, in world units. */
  public static final float HEIGHT = 1000f;
  /** The most nodes a world has: snapshots carry x in 1/8 units in 16 bits, so the world is at most 8,191 wide. */
  public static final int MAX_NODES = 8;

  public World {
    if (nodes < 1 || nodes > MAX_NODES) {
      throw new IllegalArgumentException("a world has 1 to " + MAX_NODES + " nodes, not " + nodes);
    }
  }

  public float width() {
    return nodes * REGION;
  }

  /** The region (0-based) that holds {@code x}; x on the outer edges belongs to the first or the last region. */
  public int regionOf(float x) {
    int region = (int) Math.floor(x / REGION);
    return Math.max(0, Math.min(nodes - 1, region));
  }

  /** The left edge of region {@code index}. */
  public float left(int index) {
    return index * REGION;
  }

  /** The right edge of region {@code index}. */
  public float right(int index) {
    return (index + 1) * REGION;
  }

  /** The name of the node that simulates region {@code index}: {@code node-1} for region 0. */
  public static String nodeName(int index) {
    return "node-" + (index + 1);
  }

  /** The region a node simulates, from its name ({@code node-2}: 1), or -1 for a name that is none of these. */
  public int regionOfNode(String name) {
    if (name == null || !name.startsWith("node-")) {
      return -1;
    }
    try {
      int index = Integer.parseInt(name.substring(5)) - 1;
      return index >= 0 && index < nodes ? index : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
