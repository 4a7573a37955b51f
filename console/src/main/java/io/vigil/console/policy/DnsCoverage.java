package io.vigil.console.policy;

import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.PolicyLimit;
import io.vigil.filter.format.ListSource;
import java.util.List;

/**
 * What a policy asks for that the devices' DNS filter cannot do, stated plainly for the IT role instead of
 * implying coverage: illegal-list entries that are full web addresses (a path after the host), which DNS
 * never sees. Read with the same parser the devices enforce with.
 *
 * @param fullAddresses how many entries are not enforced
 * @param examples      a few of them, as "entry (file line N)", for the person to recognise
 */
public record DnsCoverage(int fullAddresses, List<String> examples) {

    /** How many entries are shown as examples: enough to recognise the list, short enough to read. */
    static final int EXAMPLES = 3;
    public static final DnsCoverage FULL = new DnsCoverage(0, List.of());

    public DnsCoverage {
        examples = List.copyOf(examples);
    }

    /** A document that does not parse has no limits to state (its problems are shown instead). */
    public static DnsCoverage of(String fileName, String document) {
        try {
            return of(FilterPolicy.parse(fileName, document, ListSource.none()).limits());
        } catch (PolicyException e) {
            return FULL;
        }
    }

    static DnsCoverage of(List<PolicyLimit> limits) {
        return new DnsCoverage(limits.size(), limits.stream().limit(EXAMPLES)
                .map(l -> l.entry() + " (" + l.file() + " line " + l.line() + ")").toList());
    }

    public boolean limited() {
        return fullAddresses > 0;
    }

    /** The limit in plain words, e.g. for the policy page and the upload's answer; empty when there is none. */
    public String summary() {
        if (fullAddresses == 0) {
            return "";
        }
        return fullAddresses == 1
                ? "1 entry is a full web address; the DNS filter can only block whole sites, so it is not enforced "
                        + "on the device."
                : fullAddresses + " entries are full web addresses; the DNS filter can only block whole sites, so "
                        + "these are not enforced on the device.";
    }
}
