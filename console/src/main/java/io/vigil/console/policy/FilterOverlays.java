package io.vigil.console.policy;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Scope;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The nominated-user actions: time-limited access to a blocked category (DSL, deputy, online safety lead;
 * for themselves or a user the school's policy nominates) and suspending a pupil's internet (DSL). Both are
 * bounded in time, need a reason, and travel inside the signed policy so devices expire them on their own.
 */
public final class FilterOverlays {

    /** An investigation is days, not a term: a longer need is a policy change with a second approver. */
    public static final Duration MAX_GRANT = Duration.ofDays(7);
    /** A suspension longer than a school fortnight is a behaviour decision for the policy itself. */
    public static final Duration MAX_SUSPENSION = Duration.ofDays(14);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@\\\\-]{1,200}");

    private final FilterPolicyPublisher publisher;
    private final OverlayRepository overlays;
    private final Clock clock;

    public FilterOverlays(FilterPolicyPublisher publisher, OverlayRepository overlays, Clock clock) {
        this.publisher = publisher;
        this.overlays = overlays;
        this.clock = clock;
    }

    public PublishedPolicy grantAccess(String actor, long schoolId, String user, String category, Instant until,
                                       String reason) {
        String who = username(user);
        if (category == null || category.isBlank()) {
            throw new ConsoleException("category: required");
        }
        requireWindow(until, MAX_GRANT);
        requireReason(reason);
        String base = publisher.liveBase(schoolId).orElseThrow(() -> new InvalidPolicyException(List.of(
                new PolicyProblem("policy", 1, "this school has no filter policy yet; publish one first"))));
        if (!who.equals(actor.toLowerCase(Locale.ROOT)) && !nominated(base, who)) {
            throw new ConsoleException("user: " + who + " is not a nominated user in this school's filter policy;"
                    + " grant to yourself or to someone the policy nominates");
        }
        return publisher.addOverlay(new FilterOverlay(schoolId, FilterOverlay.Kind.CATEGORY_ACCESS, who,
                category.strip().toLowerCase(Locale.ROOT), until, reason.strip(), actor, clock.instant()));
    }

    public PublishedPolicy suspend(String actor, long schoolId, String pupil, Instant until, String reason) {
        String who = username(pupil);
        requireWindow(until, MAX_SUSPENSION);
        requireReason(reason);
        return publisher.addOverlay(new FilterOverlay(schoolId, FilterOverlay.Kind.SUSPENDED, who, null, until,
                reason.strip(), actor, clock.instant()));
    }

    public List<FilterOverlay> inForce(Scope scope) {
        return overlays.active(scope, clock.instant());
    }

    private static boolean nominated(String base, String user) {
        try {
            return FilterPolicy.parse("policy", base, ListSource.none()).isNominated(user);
        } catch (PolicyException e) {
            return false;
        }
    }

    private static String username(String user) {
        if (user == null || !USERNAME.matcher(user.strip()).matches()) {
            throw new ConsoleException("user: '" + user + "' is not a username");
        }
        return user.strip().toLowerCase(Locale.ROOT);
    }

    private void requireWindow(Instant until, Duration max) {
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            throw new ConsoleException("until: must be in the future");
        }
        if (until.isAfter(now.plus(max))) {
            throw new ConsoleException("until: at most " + max.toDays() + " days ahead");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ConsoleException("reason: required (it goes in the audit log)");
        }
        if (reason.length() > 1000) {
            throw new ConsoleException("reason: at most 1000 characters");
        }
    }
}
