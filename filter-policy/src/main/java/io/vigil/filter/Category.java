package io.vigil.filter;

/**
 * A category of sites a group can block.
 *
 * @param id            {@code [a-z][a-z0-9_]*}, as policies and lists name it
 * @param bit           its bit in the 64-bit category masks the matcher returns
 * @param highRisk      blocking it raises a DSL alert (self-harm, suicide, extremism ...)
 * @param bypassAttempt looking it up is an attempt to get round the filter (DoH, VPN, proxies)
 */
public record Category(String id, int bit, boolean highRisk, boolean bypassAttempt) {

    /** The reserved category of illegal-content lists (IWF, CTIRU); no rule can unblock it. */
    public static final String ILLEGAL = "illegal";
    /** Every group blocks it while a user is suspended. */
    public static final String SUSPENDED = "suspended";

    public long mask() {
        return 1L << bit;
    }

    /** {@code self_harm} → {@code self harm}, for sentences. */
    public String words() {
        return id.replace('_', ' ');
    }
}
