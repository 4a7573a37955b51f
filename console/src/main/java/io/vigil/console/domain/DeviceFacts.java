package io.vigil.console.domain;

/** What a device says about itself. Informational only: identity comes from the credential. */
public record DeviceFacts(String hostname, String osName, String osVersion, String hardwareId, String agentVersion,
                          String model) {

    public DeviceFacts(String hostname, String osName, String osVersion, String hardwareId, String agentVersion) {
        this(hostname, osName, osVersion, hardwareId, agentVersion, "");
    }

    public DeviceFacts {
        model = Text.bounded(model, 200);
        hostname = Text.bounded(hostname, 255);
        osName = Text.bounded(osName, 100);
        osVersion = Text.bounded(osVersion, 100);
        hardwareId = Text.bounded(hardwareId, 255);
        agentVersion = Text.bounded(agentVersion, 50);
    }
}
