/** Headless players for load and tests. */
package dev.packets.game.bot;
