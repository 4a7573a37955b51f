package io.vigil.console.domain;

import java.time.Instant;

/**
 * An enrolled device as the console knows it; it belongs to the school whose token enrolled it. Also what
 * its agent last said it can and cannot capture, and why its spool cannot write (empty when it can).
 */
public record Device(String id, long schoolId, String schoolName, DeviceFacts facts, String lastUser,
                     Instant enrolledAt, Instant lastSeenAt, DeviceCapabilities capabilities, String spoolProblem) {

    /** A device whose agent reports no spool problem. */
    public Device(String id, long schoolId, String schoolName, DeviceFacts facts, String lastUser,
                  Instant enrolledAt, Instant lastSeenAt, DeviceCapabilities capabilities) {
        this(id, schoolId, schoolName, facts, lastUser, enrolledAt, lastSeenAt, capabilities, "");
    }

    public Device(String id, long schoolId, String schoolName, DeviceFacts facts, String lastUser,
                  Instant enrolledAt, Instant lastSeenAt) {
        this(id, schoolId, schoolName, facts, lastUser, enrolledAt, lastSeenAt, DeviceCapabilities.NONE);
    }
}
