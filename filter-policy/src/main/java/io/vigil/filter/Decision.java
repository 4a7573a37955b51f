package io.vigil.filter;

/**
 * The answer to "may this user look up this name now?".
 *
 * @param domain        the normalised name asked about
 * @param category      the category that decided a block ({@code null} when allowed or rewritten)
 * @param group         the filter group that applied (after suspension and defaults)
 * @param reason        one sentence in plain words, shown on the block page and in the console
 * @param rewriteTo     the CNAME target when {@link Action#REWRITE}, else {@code null}
 * @param highRisk      the category is one the DSL must hear about (self-harm, extremism, illegal ...)
 * @param bypassAttempt the name belongs to a way round the filter (DoH, VPN, proxy, the Firefox canary)
 */
public record Decision(Action action, String domain, String category, String group, String reason,
                       String rewriteTo, boolean highRisk, boolean bypassAttempt) {

    public static Decision allow(String domain, String group) {
        return new Decision(Action.ALLOW, domain, null, group, "allowed", null, false, false);
    }

    public boolean blocked() {
        return action == Action.BLOCK || action == Action.NXDOMAIN;
    }
}
