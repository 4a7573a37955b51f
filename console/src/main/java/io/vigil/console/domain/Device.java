package io.vigil.console.domain;

import java.time.Instant;

/** An enrolled device as the console knows it, with what its agent last said it can and cannot capture. */
public record Device(String id, String school, DeviceFacts facts, String lastUser, Instant enrolledAt,
                     Instant lastSeenAt, DeviceCapabilities capabilities) {

    public Device(String id, String school, DeviceFacts facts, String lastUser, Instant enrolledAt,
                  Instant lastSeenAt) {
        this(id, school, facts, lastUser, enrolledAt, lastSeenAt, DeviceCapabilities.NONE);
    }
}
