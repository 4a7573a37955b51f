package io.vigil.agent.filter;

import io.vigil.filter.PolicyLimit;
import java.util.List;

/**
 * The outcome of handing a policy to the filter, as reported back to the console.
 *
 * @param error  empty when applied; otherwise every problem, one per line, each naming file and line
 * @param limits entries the filter cannot enforce (URLs on illegal lists), for the console to state
 */
public record PolicyApplied(String version, boolean ok, String error, List<PolicyLimit> limits) {

    public PolicyApplied {
        limits = List.copyOf(limits);
    }
}
