package io.vigil.agent.filter;

import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.filter.Action;
import io.vigil.filter.Decision;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
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
                        FilterListener listener, BypassAlerts bypass) {
        this.active = new AtomicReference<>(new Active(version, initial));
        this.clock = clock;
        this.currentUser = currentUser;
        this.listener = listener;
        this.bypass = bypass;
    }

    /**
     * Starts from the built-in default. The agent keeps no policy copy of its own: the last good policy is the
     * signed one the policy receiver verifies (again, at every start) and hands in through {@link #apply}, so a
     * policy file someone drops into the state directory is never enforced.
     */
    public static FilterEngine builtIn(Clock clock, Supplier<String> currentUser, FilterListener listener) {
        log.info("filter policy builtin in force until a verified policy is applied");
        return new FilterEngine("builtin", FilterPolicy.builtInDefault(), clock, currentUser, listener,
                new BypassAlerts(BypassAlerts.DEFAULT_THRESHOLD, BypassAlerts.DEFAULT_WINDOW));
    }

    /** Decides one look-up for whoever is signed in now, and records what follows from it. */
    public Decision decide(String domain) {
        Instant now = clock.instant();
        String user = Optional.ofNullable(currentUser.get()).orElse(NO_USER);
        Decision d = active.get().policy().decide(domain, user.isEmpty() ? null : user, now);
        if (d.domain().isEmpty()) {
            return d; // the root (".") is asked by resolvers priming themselves, not by anyone browsing
        }
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
     * Validates {@code doc} and, only if it is valid, swaps it in. The entry point for the signed-push receiver,
     * after it verified the signature; the receiver, not the engine, keeps the last good (signed) copy.
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
        try {
            browsing.closedBefore(clock.instant()).forEach(listener::report);
        } catch (RuntimeException e) {
            // Runs on a timer: a throw would cancel every later flush, so one bad hour must not stop the rest.
            log.error("browsing counts not handed on: {}", e.toString());
        }
    }

    /** On shutdown: the open hour too, so nothing counted is lost. */
    public void flushAllBrowsing() {
        browsing.drainAll().forEach(listener::report);
    }
}
