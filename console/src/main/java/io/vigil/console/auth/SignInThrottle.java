package io.vigil.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per network address and refuses further tries for a while once
 * either has too many. The refusal is checked before any password hashing, so a guesser or a flood costs
 * the console almost nothing once throttled. Kept in memory per console node: a restart forgives, which is
 * acceptable because the limits only need to make online guessing hopeless, not impossible.
 */
public final class SignInThrottle {

    /** Five wrong tries is more than a person mistyping needs; after that each try waits longer. */
    static final int ACCOUNT_FREE_FAILURES = 5;
    /** A school's NAT puts many staff behind one address, so the address limit is looser. */
    static final int ADDRESS_FREE_FAILURES = 30;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofMinutes(15);
    /** Bounds the memory an attacker spraying addresses or usernames can make us use. */
    private static final int MAX_KEYS = 50_000;

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this account or address must wait before trying again, if it must. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(key(username)), ACCOUNT_FREE_FAILURES, now);
        Duration from = remaining(addresses.get(address), ADDRESS_FREE_FAILURES, now);
        Duration longer = account.compareTo(from) >= 0 ? account : from;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        sweepIfFull(now);
        accounts.merge(key(username), new Failures(1, now), (old, one) -> next(old, now));
        addresses.merge(address, new Failures(1, now), (old, one) -> next(old, now));
    }

    /** A right password and code clears the account's count (not the address's: others share it). */
    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    private static Failures next(Failures old, Instant now) {
        return old.last.plus(MEMORY).isBefore(now) ? new Failures(1, now) : new Failures(old.count + 1, now);
    }

    /** Lock doubles with each failure past the free ones: 30 s, 1 min, 2 min, ... up to 15 min. */
    static Duration lockAfter(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static Duration remaining(Failures failures, int free, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant until = failures.last.plus(lockAfter(failures.count, free));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void sweepIfFull(Instant now) {
        if (accounts.size() + addresses.size() < MAX_KEYS) {
            return;
        }
        Instant cutoff = now.minus(MEMORY);
        accounts.values().removeIf(f -> f.last.isBefore(cutoff));
        addresses.values().removeIf(f -> f.last.isBefore(cutoff));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(java.util.Locale.ROOT);
    }
}
