/**
 * TLS served by the server itself: certificates and keys read from PEM or PKCS#12 files into Jetty's
 * SslContextFactory, watched and reloaded when the files change, without dropping a connection.
 */
package dev.packets.server.tls;
