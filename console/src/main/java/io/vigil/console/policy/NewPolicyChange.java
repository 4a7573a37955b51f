package io.vigil.console.policy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A change as the flow stores it: one version per affected school sharing one change id.
 *
 * @param documents the base document per school (pending), or the signed document (emergency, live at once)
 * @param signed    per school for a change live at once; empty for one waiting for a second person
 * @param diff      per school, lines added and removed against what was live
 */
public record NewPolicyChange(boolean providerWide, String action, String fileName, String reason, String requestedBy,
                              Instant at, Instant reviewDue, Map<Long, String> documents,
                              Map<Long, SignedPolicy> signed,
                              Map<Long, List<String>> diff) {

    public NewPolicyChange {
        // In school order: the change id is the first school's version, and the change log lists schools in order.
        documents = Collections.unmodifiableMap(new TreeMap<>(documents));
        signed = Map.copyOf(signed);
        diff = Map.copyOf(diff);
    }

    public boolean liveAtOnce() {
        return !signed.isEmpty();
    }
}
