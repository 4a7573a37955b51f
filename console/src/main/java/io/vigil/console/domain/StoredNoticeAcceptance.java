package io.vigil.console.domain;

import java.time.Instant;

/** A notice acceptance as the console shows it to safeguarding roles: who, which notice, when, on which device. */
public record StoredNoticeAcceptance(String user, String noticeVersion, String group, Instant acceptedAt,
                                     String deviceId, String hostname, long schoolId, Instant receivedAt) {
}
