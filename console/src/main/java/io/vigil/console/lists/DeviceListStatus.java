package io.vigil.console.lists;

import java.time.Instant;

/**
 * What a device last said about its keyword lists.
 *
 * @param running the version it matches with (the built-in lists' version until a bundle applies)
 * @param error   why it refused the last bundle pushed to it, or {@code null} when that one applied
 */
public record DeviceListStatus(String deviceId, String running, String error, Instant reportedAt) {
}
