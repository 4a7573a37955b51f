package io.vigil.agent.platform;

/**
 * What the agent reports about the machine at enrolment and in every session. Informational only:
 * the console identifies the device by its credential, never by these facts.
 */
public record DeviceFacts(String hostname, String osName, String osVersion, String hardwareId, String agentVersion,
                          String model) {

    public DeviceFacts(String hostname, String osName, String osVersion, String hardwareId, String agentVersion) {
        this(hostname, osName, osVersion, hardwareId, agentVersion, "");
    }
}
