package io.vigil.console.domain;

import java.time.Instant;

/**
 * A user's first acceptance of one version of a device's monitoring notice, as the device reported it.
 *
 * @param group the monitoring group the notice was written for ("pupils", "staff", "guests")
 */
public record NoticeAcceptance(String uuid, String deviceId, long sequence, String user, String noticeVersion,
                               String group, Instant acceptedAt) {
}
