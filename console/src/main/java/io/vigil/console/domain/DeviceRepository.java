package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrolled devices and their credential hashes. */
public interface DeviceRepository {

    void create(Device device, String credentialHash);

    Optional<String> credentialHash(String deviceId);

    /** The school's most recently enrolled device that reported {@code hardwareId}, if any. */
    Optional<String> idByHardwareId(long schoolId, String hardwareId);

    /**
     * A re-imaged device enrolling again: the record keeps its id, history and enrolment date, takes the
     * fresh facts, and only the new credential is accepted from now on (the old installation's stops working).
     */
    void reEnrol(String deviceId, String credentialHash, DeviceFacts facts);

    /** Records a session start: fresh facts, the signed-in user and last-seen time. */
    void recordHello(String deviceId, DeviceFacts facts, String user, Instant at);

    void recordSeen(String deviceId, Instant at);

    /** Why the device's spool cannot write, from its heartbeat; empty once it can again. */
    void recordSpoolProblem(String deviceId, String problem);

    /** Replaces what the device last reported it can and cannot capture. */
    void recordCapabilities(String deviceId, DeviceCapabilities capabilities);

    /**
     * Highest sequence stored for the device over every stored kind (alerts, filter events, notice
     * acceptances), 0 if none. A new stored kind must be added here, or the mark sent after Hello forgets it.
     */
    long highestStoredSequence(String deviceId);

    /** The devices of the schools in {@code scope}, by hostname. */
    List<Device> inScope(Scope scope);
}
