package dev.packets.intercom.node;

import dev.packets.DecodeException;
import dev.packets.PacketException;
import dev.packets.intercom.node.Frame.Kind;
import dev.packets.intercom.node.Frame.Presence;
import dev.packets.intercom.node.Frame.Publication;
import dev.packets.intercom.node.Frame.Reply;
import dev.packets.intercom.node.Frame.Request;

/**
 * Writes and reads intercom frames (the layout is in the {@link dev.packets.intercom package documentation}).
 * Reading never trusts a length: a broken frame is a {@link DecodeException} naming the field and the offset.
 */
public final class Frames {
  public static final int MAX_NODE_BYTES = 256;
  public static final int MAX_TYPE_BYTES = 1024;
  public static final int MAX_MESSAGE_BYTES = 1 << 16;
  public static final int MAX_FINGERPRINT_BYTES = 128;

  /** How the failure of an answer that cannot be decoded starts. */
  public static final String UNDECODABLE = "cannot decode the answer: ";

  private static final int ANSWER = 0;
  private static final int NO_HANDLER = 1;
  private static final int FAILED = 2;

  private final Payloads payloads;

  public Frames(Payloads payloads) {
    this.payloads = payloads;
  }

  public Payloads payloads() {
    return payloads;
  }

  /** Writes a frame; fails (with the field path) if a request's payload cannot be encoded. */
  public byte[] write(Frame frame) {
    FrameWriter out = new FrameWriter(64);
    if (frame instanceof Request r) {
      header(out, Kind.REQUEST, r.sender());
      out.varuint(r.ask());
      out.string(r.type());
      out.varuint(r.timeoutMillis());
      payloads.write(out, r.payload(), r.type() + ".payload");
    } else if (frame instanceof Publication p) {
      header(out, Kind.PUBLISH, p.sender());
      out.string(p.topic());
      payloads.write(out, p.payload(), p.topic() + ".payload");
    } else if (frame instanceof Reply r) {
      return writeReply(r);
    } else if (frame instanceof Presence p) {
      header(out, p.kind(), p.sender());
      out.varuint(p.incarnation());
      if (p.kind() != Kind.GOODBYE) {
        out.string(p.fingerprint());
      }
    }
    return out.toByteArray();
  }

  /** Writes a reply; an answer that cannot be encoded becomes a FAILED reply that says why. */
  private byte[] writeReply(Reply r) {
    FrameWriter out = new FrameWriter(64);
    header(out, Kind.REPLY, r.sender());
    out.varuint(r.ask());
    if (r.outcome() instanceof Outcome.Answer answer) {
      try {
        FrameWriter value = new FrameWriter(32);
        payloads.write(value, answer.value(), "answer");
        out.u8(ANSWER);
        out.bytes(value.toByteArray());
        return out.toByteArray();
      } catch (RuntimeException e) {
        return writeReply(new Reply(r.sender(), r.ask(), new Outcome.Failed("cannot encode the answer: "
            + describe(e))));
      }
    } else if (r.outcome() instanceof Outcome.Failed failed) {
      out.u8(FAILED);
      out.string(truncate(failed.message()));
    } else {
      out.u8(NO_HANDLER);
    }
    return out.toByteArray();
  }

  private static void header(FrameWriter out, Kind kind, String sender) {
    out.u8(Frame.VERSION);
    out.u8(kind.code);
    out.string(sender);
  }

  private static String describe(RuntimeException e) {
    return e instanceof PacketException ? e.getMessage() : e.toString();
  }

  private static String truncate(String message) {
    String m = message == null ? "(no message)" : message;
    return m.length() > MAX_MESSAGE_BYTES / 4 ? m.substring(0, MAX_MESSAGE_BYTES / 4) + "…" : m;
  }

  /** Reads a frame; a broken header is a {@link DecodeException}, a broken value becomes a problem to report. */
  public Frame read(byte[] bytes) {
    FrameReader in = new FrameReader(bytes);
    int version = in.u8("version");
    if (version != Frame.VERSION) {
      throw new DecodeException("intercom frame.version", 0, "version " + version + " is not " + Frame.VERSION);
    }
    int kind = in.u8("kind");
    String sender = in.string("sender", MAX_NODE_BYTES);
    if (sender.isEmpty()) {
      throw new DecodeException("intercom frame.sender", 2, "empty node id");
    }
    switch (kind) {
      case 1: {
        long ask = in.varuint("ask");
        String type = in.string("type", MAX_TYPE_BYTES);
        long timeout = in.varuint("timeout");
        try {
          return new Request(sender, ask, type, timeout, payloads.read(in, type + ".payload"), null);
        } catch (RuntimeException e) {
          return new Request(sender, ask, type, timeout, null, "cannot decode the payload: " + describe(e));
        }
      }
      case 2: {
        long ask = in.varuint("ask");
        int outcome = in.u8("outcome");
        switch (outcome) {
          case ANSWER:
            try {
              return new Reply(sender, ask, new Outcome.Answer(payloads.read(in, "answer")));
            } catch (RuntimeException e) {
              return new Reply(sender, ask, new Outcome.Failed(UNDECODABLE + describe(e)));
            }
          case NO_HANDLER:
            in.expectEnd("outcome");
            return new Reply(sender, ask, Outcome.NoHandler.INSTANCE);
          case FAILED: {
            String message = in.string("message", MAX_MESSAGE_BYTES);
            in.expectEnd("message");
            return new Reply(sender, ask, new Outcome.Failed(message));
          }
          default:
            throw new DecodeException("intercom frame.outcome", in.position() - 1, "unknown outcome " + outcome);
        }
      }
      case 3:
      case 4: {
        long incarnation = in.varuint("incarnation");
        String fingerprint = in.string("fingerprint", MAX_FINGERPRINT_BYTES);
        in.expectEnd("fingerprint");
        return new Presence(sender, kind == 3 ? Kind.HELLO : Kind.HEARTBEAT, incarnation, fingerprint);
      }
      case 5: {
        long incarnation = in.varuint("incarnation");
        in.expectEnd("goodbye");
        return new Presence(sender, Kind.GOODBYE, incarnation, "");
      }
      case 6: {
        String topic = in.string("topic", MAX_TYPE_BYTES);
        try {
          return new Publication(sender, topic, payloads.read(in, topic + ".payload"), null);
        } catch (RuntimeException e) {
          return new Publication(sender, topic, null, "cannot decode the payload: " + describe(e));
        }
      }
      default:
        throw new DecodeException("intercom frame.kind", 1, "unknown kind " + kind);
    }
  }
}
