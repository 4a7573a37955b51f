package io.vigil.console.auth;

import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks a sign-in: throttle first (cheap), then the password (Argon2, deliberately expensive), then the
 * second factor where the user's roles need one. An unknown user costs the same Argon2 work as a wrong
 * password, so response times do not reveal which usernames exist.
 *
 * <p>Each Argon2 check takes 19 MiB and most of a core, so at most {@link #HASHING_SLOTS} run at once and a
 * caller waits at most {@link #QUEUE_TIMEOUT} for a slot. Without this, 25 parallel wrong logins made a real
 * login take 13 s and pushed the console to 2.5 GB; with it a flood queues in bounded memory and a real
 * user's turn comes after a handful of hashes.
 */
public final class Login {

    static final int HASHING_SLOTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /**
     * Long enough to ride out a burst of wrong sign-ins on an old two-core server (25 queued hashes took over
     * 12 s there under load; a DSL refused then would try again into the same queue); short enough that a
     * person gets a "try again" rather than a hang.
     */
    static final Duration QUEUE_TIMEOUT = Duration.ofSeconds(30);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final String decoyHash;
    private final Semaphore hashing = new Semaphore(HASHING_SLOTS, true);

    public Login(UserRepository users, PasswordHasher hasher, SecondFactors secondFactors, SignInThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.decoyHash = hasher.hash("decoy password that never matches anything");
    }

    /** @param address the caller's network address, for the per-address throttle */
    public SignInResult attempt(String username, String password, String code, String address) {
        if (username == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH
                || username.length() > 200) {
            return new SignInResult.WrongCredentials();
        }
        Optional<Duration> wait = throttle.waitFor(username, address);
        if (wait.isPresent()) {
            return new SignInResult.TryLater(wait.get(), false);
        }
        Optional<User> user = users.find(username);
        Optional<Boolean> matches = verifyBounded(password, user.map(User::passwordHash).orElse(decoyHash));
        if (matches.isEmpty()) {
            return new SignInResult.TryLater(Duration.ofSeconds(5), true);
        }
        if (user.isEmpty() || !matches.get() || user.get().disabled()) {
            throttle.failed(username, address);
            return new SignInResult.WrongCredentials();
        }
        if (SecondFactors.required(user.get())) {
            if (!secondFactors.enrolled(user.get())) {
                return new SignInResult.SecondFactorNotSetUp();
            }
            boolean given = code != null && !code.isBlank();
            if (!given || !secondFactors.verify(user.get(), code)) {
                if (given) {
                    throttle.failed(username, address);
                }
                return new SignInResult.CodeNeeded(given);
            }
        }
        throttle.succeeded(username);
        return new SignInResult.SignedIn(user.get());
    }

    /** Empty if no hashing slot came free in time. */
    private Optional<Boolean> verifyBounded(String password, String hash) {
        try {
            if (!hashing.tryAcquire(QUEUE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(hasher.verify(password, hash));
        } finally {
            hashing.release();
        }
    }
}
