package io.vigil.console.lists;

import io.vigil.console.domain.Scope;
import io.vigil.console.policy.SignedPolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keyword-list changes, the signed bundle each school's devices receive, and what each device runs. Layers are
 * stored whole and never edited: "live" moves from one change to the next.
 */
public interface KeywordListRepository {

    ListChange add(NewListChange change);

    Optional<ListChange> change(long id);

    /** The stored layer of a change (its files, {@link ListLayers#encode}). */
    byte[] layer(long id);

    /** The live layer: the provider's when {@code schoolId} is null. Empty when none was ever approved. */
    Optional<byte[]> liveLayer(Long schoolId);

    /**
     * Makes a pending change live (superseding the live change of the same layer) or rejected, in one
     * transaction. @return false when it is no longer pending
     */
    boolean decide(long id, boolean approve, String decider, Instant at);

    /** A second person's review of an emergency change. @return false when already reviewed */
    boolean review(long id, String reviewer, Instant at);

    /** Live emergency changes not reviewed by {@code due} and not flagged yet. */
    List<ListChange> unreviewedEmergencies(Instant due);

    void flag(long id, Instant at);

    /** Changes affecting any school of the scope, newest first. */
    List<ListChange> changeLog(Scope scope, int max);

    void publishBundle(long schoolId, SignedPolicy bundle, long changeId, Instant at);

    Optional<SignedPolicy> bundleForDevice(String deviceId);

    Optional<SignedPolicy> bundle(long schoolId);

    List<String> deviceIdsOf(long schoolId);

    /** The newest stored alerts of these schools, for the retro-test. */
    List<StoredMatch> storedMatches(Collection<Long> schoolIds, int max);

    /** The version a device said it runs (Hello); keeps the last refusal. */
    void recordRunning(String deviceId, String version, Instant at);

    /** What a device answered to a pushed bundle. */
    void recordApplied(String deviceId, String version, boolean ok, String error, Instant at);

    /** Each reporting device of the scope, by id: the small read other pages (the device page) call. */
    Map<String, DeviceListStatus> deviceStatuses(Scope scope);
}
