package io.vigil.console.domain;

import java.time.Instant;

/** An enrolled device as the console knows it; it belongs to the school whose token enrolled it. */
public record Device(String id, long schoolId, String schoolName, DeviceFacts facts, String lastUser,
                     Instant enrolledAt, Instant lastSeenAt) {
}
