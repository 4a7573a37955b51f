package io.vigil.agent.filter;

import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.filter.Action;
import io.vigil.filter.Decision;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filter's policy in force and what follows from each decision: blocked look-ups become filter events,
 * high-risk blocks and repeated bypass attempts become DSL alerts, allowed look-ups are counted per hour.
 * Knows nothing of DNS: the resolver asks {@link #decide} and turns the answer into packets.
 *
 * <p>The policy is swapped atomically and only after it validated, so a query sees either the old policy or
 * the new one, and a broken update leaves the last good policy enforcing (never an unfiltered gap).
 */
public final class FilterEngine {

    private static final Logger log = LoggerFactory.getLogger(FilterEngine.class);
    /** Who is counted when nobody is signed in (a device at the login screen still browses: updates, captive portals). */
    public static final String NO_USER = "";
    private static final int RECENT_BLOCKS = 256;

    private record Active(String version, FilterPolicy policy) {
    }

    private final AtomicReference<Active> active;
    private final Clock clock;
    private final Supplier<String> currentUser;
    private final FilterListener listener;
    private final Optional<PolicyStore> store;
    private final BypassAlerts bypass;
    private final BrowsingCounter browsing = new BrowsingCounter();
    private final OncePerWindow recentlyRecorded = new OncePerWindow(java.time.Duration.ofSeconds(10), 10_000);
    private final Map<String, Decision> recentBlocks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Decision> eldest) {
            return size() > RECENT_BLOCKS;
        }
    };

    public FilterEngine(String version, FilterPolicy initial, Clock clock, Supplier<String> currentUser,
                        FilterListener listener, Optional<PolicyStore> store, BypassAlerts bypass) {
        this.active = new AtomicReference<>(new Active(version, initial));
        this.clock = clock;
        this.currentUser = currentUser;
        this.listener = listener;
        this.store = store;
        this.bypass = bypass;
    }

    /** Starts from the store's last good policy, or the built-in default on first start. */
    public static FilterEngine fromStore(PolicyStore store, Clock clock, Supplier<String> currentUser,
                                         FilterListener listener) {
        Optional<PolicyStore.Stored> saved = store.load();
        String version = saved.map(PolicyStore.Stored::version).orElse("builtin");
        FilterPolicy policy = saved.map(PolicyStore.Stored::policy).orElseGet(FilterPolicy::builtInDefault);
        log.info("filter policy {} in force", version);
        return new FilterEngine(version, policy, clock, currentUser, listener, Optional.of(store),
                new BypassAlerts(BypassAlerts.DEFAULT_THRESHOLD, BypassAlerts.DEFAULT_WINDOW));
    }

    /** Decides one look-up for whoever is signed in now, and records what follows from it. */
    public Decision decide(String domain) {
        Instant now = clock.instant();
        String user = Optional.ofNullable(currentUser.get()).orElse(NO_USER);
        Decision d = active.get().policy().decide(domain, user.isEmpty() ? null : user, now);
        if (!recentlyRecorded.firstIn(user + "\n" + d.domain() + "\n" + d.action(), now)) {
            return d; // the A, AAAA and HTTPS look-ups of one visit are one record, not three
        }
        if (d.action() == Action.ALLOW || d.action() == Action.REWRITE) {
            browsing.count(user, d.domain(), now);
            return d;
        }
        listener.report(FilterEventRecord.of(d.domain(), FilterEventRecord.Action.BLOCKED,
                d.category() == null ? "" : d.category(), user, now, "", d.group(), d.reason()));
        if (d.action() == Action.BLOCK) {
            synchronized (recentBlocks) {
                recentBlocks.put(d.domain(), d);
            }
        }
        if (d.highRisk()) {
            listener.alert(new FilterAlert(FilterAlert.Kind.HIGH_RISK_BLOCK, user, d.domain(), d.category(),
                    d.reason(), 1, now));
        }
        if (d.bypassAttempt()) {
            int attempts = bypass.attempt(user, now);
            if (attempts > 0) {
                listener.alert(new FilterAlert(FilterAlert.Kind.REPEATED_BYPASS, user, d.domain(), d.category(),
                        attempts + " attempts to get round the web filter, the latest " + d.domain(), attempts, now));
            }
        }
        return d;
    }

    /** The block that answered {@code domain} recently, for the block page to explain. */
    public Optional<Decision> recentBlock(String domain) {
        synchronized (recentBlocks) {
            return Optional.ofNullable(recentBlocks.get(domain));
        }
    }

    /** A request from the block page to review a block; goes to the console like any filter record. */
    public ReviewRequestRecord requestReview(String domain, String comment) {
        String category = recentBlock(domain).map(Decision::category).orElse("");
        String user = Optional.ofNullable(currentUser.get()).orElse(NO_USER);
        String text = comment.replaceAll("[\\r\\n]+", " ").strip();
        if (text.length() > ReviewRequestRecord.MAX_COMMENT_CHARS) {
            text = text.substring(0, ReviewRequestRecord.MAX_COMMENT_CHARS);
        }
        ReviewRequestRecord r = ReviewRequestRecord.of(user, domain, category, text, clock.instant());
        listener.report(r);
        return r;
    }

    /**
     * Validates {@code doc} and, only if it is valid, saves it as the last good policy and swaps it in. The
     * entry point for the signed-push receiver, after it verified the signature.
     */
    public PolicyApplied apply(PolicyDocument doc) {
        if (doc.policyText() == null) {
            return new PolicyApplied(doc.version(), false, "the bundle has no file " + doc.policyFile(), List.of());
        }
        FilterPolicy policy;
        try {
            policy = FilterPolicy.parse(doc.policyFile(), doc.policyText(), ListSource.of(doc.files()));
        } catch (PolicyException e) {
            log.warn("filter policy {} refused; {} stays in force: {}", doc.version(), version(), e.getMessage());
            return new PolicyApplied(doc.version(), false, String.join("\n", e.problems()), List.of());
        }
        if (store.isPresent()) {
            try {
                store.get().save(doc);
            } catch (IOException e) {
                // Enforce it anyway (it is valid and newer); a restart falls back to the previous saved policy.
                log.error("filter policy {} is in force but could not be saved: {}", doc.version(), e.getMessage());
            }
        }
        active.set(new Active(doc.version(), policy));
        policy.limits().forEach(l -> log.info("filter policy {}: not enforceable by DNS: {}", doc.version(), l));
        log.info("filter policy {} in force", doc.version());
        return new PolicyApplied(doc.version(), true, "", policy.limits());
    }

    public String version() {
        return active.get().version();
    }

    public FilterPolicy policy() {
        return active.get().policy();
    }

    /** Hands closed hours of browsing counts to the listener; call periodically. */
    public void flushBrowsing() {
        browsing.closedBefore(clock.instant()).forEach(listener::report);
    }

    /** On shutdown: the open hour too, so nothing counted is lost. */
    public void flushAllBrowsing() {
        browsing.drainAll().forEach(listener::report);
    }
}
