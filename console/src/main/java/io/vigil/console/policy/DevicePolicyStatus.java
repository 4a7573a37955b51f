package io.vigil.console.policy;

import java.time.Instant;

/**
 * What a device last said about its filter policy.
 *
 * @param runningVersion the version it enforces ({@code null} before its first report)
 * @param error          why it refused the last push, or {@code null} when the last push applied
 */
public record DevicePolicyStatus(String deviceId, String runningVersion, String error, Instant reportedAt) {
}
