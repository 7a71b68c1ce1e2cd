/** The deterministic simulation of one node's share of the world. */
package dev.packets.game.sim;
