package io.vigil.filter;

/** What the filter does with a name. */
public enum Action {
    /** Resolve normally through the upstream resolvers. */
    ALLOW,
    /** Answer with the block page's address. */
    BLOCK,
    /** Answer "no such name": used for Firefox's DoH canary, so Firefox keeps using the OS resolver. */
    NXDOMAIN,
    /** Answer with a CNAME to {@link Decision#rewriteTo()} (SafeSearch / YouTube restricted mode). */
    REWRITE
}
