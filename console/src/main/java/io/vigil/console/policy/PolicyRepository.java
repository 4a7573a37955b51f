package io.vigil.console.policy;

import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Policy versions, what is live per school, and what each device runs. Versions are immutable: a new upload
 * is a new row, and "live" is a pointer that moves.
 */
public interface PolicyRepository {

    /** Stores a signed version and makes it the school's live policy in one transaction. */
    PublishedPolicy publish(long schoolId, String fileName, String document, SignedPolicy signed, String actor,
                            Instant at);

    /** Stores an unsigned version waiting for a second approver (status {@code pending}). */
    PublishedPolicy propose(long schoolId, String fileName, String document, String version, String actor,
                            Instant at);

    /** A version by id with its document, whatever its status. */
    Optional<PolicyChange> change(long id);

    /**
     * Makes a pending version live with its signed (final) document, superseding the live one, in one
     * transaction. @return false when it is no longer pending (approved or rejected meanwhile)
     */
    boolean approve(long id, SignedPolicy signed, String approver, Instant at);

    /** @return false when it is no longer pending */
    boolean reject(long id, String approver, Instant at);

    /** The school's live filter policy, if any. */
    Optional<SignedPolicy> live(long schoolId);

    /** The live filter policy of the device's school, if any. */
    Optional<SignedPolicy> liveForDevice(String deviceId);

    /** Newest first. */
    List<PublishedPolicy> history(Scope scope, int max);

    List<String> deviceIdsOf(long schoolId);

    void recordApplied(String deviceId, String version, boolean ok, String error, Instant at);

    /** Status of each device in the scope that has reported, by device id. */
    Map<String, DevicePolicyStatus> statuses(Scope scope);
}
