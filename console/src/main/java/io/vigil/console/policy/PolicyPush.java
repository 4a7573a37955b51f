package io.vigil.console.policy;

import java.util.Collection;

/** The open device sessions, as the publisher sees them: the ingest layer implements it. */
public interface PolicyPush {

    /** Sends {@code policy} over the open sessions of these devices; @return how many sessions it went to. */
    int push(Collection<String> deviceIds, SignedPolicy policy);
}
