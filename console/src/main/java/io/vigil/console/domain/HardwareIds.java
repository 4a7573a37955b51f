package io.vigil.console.domain;

import java.util.Locale;
import java.util.Set;

/** Which hardware ids are distinctive enough to recognise a re-imaged device by. */
public final class HardwareIds {

    /**
     * Firmware placeholders that vendors and hypervisors leave in the serial field, the same on thousands
     * of machines (seen in dmidecode output and OSHI's "unknown").
     */
    private static final Set<String> PLACEHOLDERS = Set.of("unknown", "none", "n/a", "na", "default string",
            "to be filled by o.e.m.", "to be filled by oem", "system serial number", "not specified",
            "not applicable", "chassis serial number", "serial number", "0", "00000000", "0000000000", "123456789",
            "1234567890", "invalid", "oem", "empty");
    /** Shorter ids are too likely to repeat across a trust's devices. */
    private static final int MIN_LENGTH = 6;

    private HardwareIds() {
    }

    /** How the agent marks an OS machine id it reports for want of a readable firmware serial. */
    static final String MACHINE_ID = "machine-id:";

    public static boolean isDistinctive(String hardwareId) {
        if (hardwareId == null) {
            return false;
        }
        String id = hardwareId.strip().toLowerCase(Locale.ROOT);
        if (id.startsWith(MACHINE_ID)) {
            return false; // the agent's fallback: new after a re-image, shared by cloned images
        }
        return id.length() >= MIN_LENGTH && !PLACEHOLDERS.contains(id) && id.chars().distinct().count() > 1;
    }
}
