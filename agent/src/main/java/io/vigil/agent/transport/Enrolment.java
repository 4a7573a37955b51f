package io.vigil.agent.transport;

import io.vigil.agent.config.PolicyKey;
import java.util.List;

/**
 * What the console handed out for this device at enrolment.
 *
 * @param policyKeys the console's policy-signing keys, to pin; empty from a console that does not sign yet
 */
public record Enrolment(String deviceId, String deviceCredential, String school, List<PolicyKey> policyKeys) {

    @Override
    public String toString() {
        return "Enrolment[deviceId=" + deviceId + ", deviceCredential=<redacted>, school=" + school
                + ", policyKeys=" + policyKeys.stream().map(PolicyKey::keyId).toList() + "]";
    }
}
