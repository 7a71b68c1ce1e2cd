/** The example: packets defined as records and sent through the registry; the main job of the project. */
package dev.packets.game;
