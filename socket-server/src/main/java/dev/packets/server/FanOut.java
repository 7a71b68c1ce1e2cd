package dev.packets.server;

import dev.packets.lane.LaneFrames;
import dev.packets.socketio.Frames;

/**
 * One broadcast's packet, encoded once: each way's frames are made the first time a recipient on that way needs
 * them, and then shared by every recipient's mailbox on it (the same arrays, never copied, held until the last
 * recipient wrote them). One fan-out is filled by one thread.
 */
final class FanOut {
  final int id;
  final byte[] payload;
  private Mailbox.Send socketIo;
  private Mailbox.Send lane;

  FanOut(int id, byte[] payload) {
    this.id = id;
    this.payload = payload;
  }

  /** Socket.IO's two frames: {@code 451-["5",{"_placeholder":true,"num":0}]} and the payload. */
  Mailbox.Send socketIo() {
    Mailbox.Send send = socketIo;
    if (send == null) {
      socketIo = send = Mailbox.Send.binary(Frames.push(id), payload, null, id);
    }
    return send;
  }

  /** The lane's one frame: {@code 01 <id> <payload>}. */
  Mailbox.Send lane() {
    Mailbox.Send send = lane;
    if (send == null) {
      lane = send = Mailbox.Send.frame(LaneFrames.push(id, payload), null);
    }
    return send;
  }
}
