/** A simulation node: its game loop, its intercom handler and its packet server. */
package dev.packets.game.node;
