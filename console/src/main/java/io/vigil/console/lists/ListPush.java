package io.vigil.console.lists;

import io.vigil.console.policy.SignedPolicy;
import java.util.Collection;

/** The open device sessions, for keyword-list bundles: the ingest layer implements it. */
public interface ListPush {

    /** @return how many open sessions the bundle went to */
    int pushLists(Collection<String> deviceIds, SignedPolicy bundle);
}
