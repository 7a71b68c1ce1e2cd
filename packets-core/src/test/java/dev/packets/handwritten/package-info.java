/**
 * Packet records with codecs written by hand the way packets-codegen writes them, so that the registry can be
 * tested in packets-core, where no annotation processor runs.
 */
package dev.packets.handwritten;
