/**
 * Who may connect: {@link dev.packets.server.auth.AuthDriver}s chained by the server (the first that recognises a
 * client's {@link dev.packets.server.auth.Credentials} decides), the {@link dev.packets.server.auth.Principal} they
 * admit, and the ready-made drivers: {@link dev.packets.server.auth.JwtDriver}, {@link
 * dev.packets.server.auth.ApiKeyDriver} and {@link dev.packets.server.auth.AnonymousDriver}.
 */
package dev.packets.server.auth;
