/** The game's packets, as annotated records. */
package dev.packets.game.wire;
