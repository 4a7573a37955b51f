/**
 * The agent's side of the {@code vigil.v1.AgentGateway} contract; the only package that imports gRPC.
 *
 * <p><b>Trust.</b> Every channel uses TLS with {@link io.vigil.agent.transport.PinningTrustManager}:
 * the console's certificate must have exactly the SHA-256 fingerprint given at enrolment. No CA,
 * no hostname check; a mismatch fails the handshake before any byte of the call (or the token) is
 * sent.
 *
 * <p><b>Session.</b> {@link io.vigil.agent.transport.ConsoleSession} keeps one Session call open,
 * authenticated by the {@code x-vigil-device-id}/{@code x-vigil-device-credential} metadata:
 * <ol>
 *   <li>send Hello (user, device facts, list version, capabilities, last spooled sequence);</li>
 *   <li>wait up to 10 s for the console's first Ack, its high-water mark for this device, and apply
 *       it to the spool. Without it, a spool that was reconciled before sends anyway (only a resend
 *       at stake); a spool never reconciled sends nothing and reconnects, since its sequence numbers
 *       may overlap ones an older spool left on the console;</li>
 *   <li>send pending alerts in sequence order, at most 100 unacknowledged, then new ones as the
 *       spool signals them; an Ack deletes everything up to its sequence, but never beyond what
 *       this session sent;</li>
 *   <li>heartbeat with the spool depth every 30 s (and at once on a Ping command).</li>
 * </ol>
 * When the call fails the session reconnects with exponential backoff (1 s doubling to 60 s, +-20%
 * jitter; only a session that lasted at least the longest delay starts the next wait from 1 s again)
 * and starts again from step 1, resending whatever is still spooled; the console stores
 * each uuid once. A rejected credential (UNAUTHENTICATED) is logged as an ERROR asking for
 * re-enrolment and retried at the slowest rate.
 */
package io.vigil.agent.transport;
