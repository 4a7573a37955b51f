package io.vigil.agent.transport;

/** What the console handed out for this device at enrolment. */
public record Enrolment(String deviceId, String deviceCredential, String school) {

    @Override
    public String toString() {
        return "Enrolment[deviceId=" + deviceId + ", deviceCredential=<redacted>, school=" + school + "]";
    }
}
