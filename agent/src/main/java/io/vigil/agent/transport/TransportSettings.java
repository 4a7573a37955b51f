package io.vigil.agent.transport;

import java.time.Duration;

/**
 * Timing of the console session.
 *
 * @param heartbeatInterval how often an idle session reports spool depth (the console's "device silent" signal)
 * @param initialBackoff    first wait before reconnecting after a failed session
 * @param maxBackoff        longest wait between reconnects; also used after the credential is rejected
 * @param maxInFlight       most alerts sent but not yet acknowledged; bounds memory and resend volume
 * @param firstAckTimeout   how long to wait for the console's high-water mark before sending anyway
 */
public record TransportSettings(Duration heartbeatInterval, Duration initialBackoff, Duration maxBackoff,
                                int maxInFlight, Duration firstAckTimeout) {

    public static TransportSettings defaults(Duration heartbeatInterval) {
        return new TransportSettings(heartbeatInterval, Duration.ofSeconds(1), Duration.ofSeconds(60), 100,
                Duration.ofSeconds(10));
    }
}
