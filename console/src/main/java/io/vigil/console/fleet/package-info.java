/**
 * The IT provider's fleet: enrolment tokens (expiry, revocation, who used them), revoking a device (its
 * session is cut and it may not reconnect), and device health (what heartbeats said, and "not reporting"
 * IT alerts raised by {@link io.vigil.console.fleet.SilenceWatch}). Plain Java: no gRPC, HTTP or SQL here.
 */
package io.vigil.console.fleet;
