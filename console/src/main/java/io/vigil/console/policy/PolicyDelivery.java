package io.vigil.console.policy;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a device session needs from the policy side: the keys to hand out at enrolment, the policy to send
 * after Hello when the device runs another version, and somewhere to record what the device reports.
 */
public final class PolicyDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyDelivery.class);
    /** Errors come from devices; keep what an administrator needs to read and no more. */
    private static final int MAX_ERROR_CHARS = 1000;

    private final PolicySigner signer;
    private final PolicyRepository policies;
    private final Clock clock;

    public PolicyDelivery(PolicySigner signer, PolicyRepository policies, Clock clock) {
        this.signer = signer;
        this.policies = policies;
        this.clock = clock;
    }

    public List<PublicSigningKey> signingKeys() {
        return signer.publicKeys();
    }

    /** The school's live policy when the device says it runs something else (or nothing). */
    public Optional<SignedPolicy> dueAfterHello(String deviceId, String runningVersion) {
        return policies.liveForDevice(deviceId).filter(p -> !p.version().equals(runningVersion));
    }

    public void applied(String deviceId, String version, boolean ok, String error) {
        String bounded = error == null ? "" : error.replaceAll("[\\r\\n\\t]", " ");
        if (bounded.length() > MAX_ERROR_CHARS) {
            bounded = bounded.substring(0, MAX_ERROR_CHARS);
        }
        if (ok) {
            LOG.info("Device {} applied filter policy {}", deviceId, version);
        } else {
            LOG.warn("Device {} refused filter policy {}: {}", deviceId, version, bounded);
        }
        policies.recordApplied(deviceId, version, ok, ok ? null : bounded, clock.instant());
    }
}
