package io.vigil.console.domain;

import java.time.Instant;

/** An enrolled device as the console knows it. */
public record Device(String id, String school, DeviceFacts facts, String lastUser, Instant enrolledAt,
                     Instant lastSeenAt) {
}
