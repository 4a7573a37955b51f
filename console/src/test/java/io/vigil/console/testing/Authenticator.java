package io.vigil.console.testing;

import io.vigil.console.auth.Base32;
import io.vigil.console.auth.Totp;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.domain.Role;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way console tests sign people in now that safeguarding and list-publishing roles need a TOTP code:
 * it gives each user it creates a fresh random secret (through the real CLI or console), remembers it, and
 * computes a current code at sign-in like the user's phone would.
 *
 * <p>The console refuses a code used before, so a user signing in several times within one 30-second step
 * gets the next step's code (never the previous step's: it can expire at once), then the user's recovery
 * codes when the console printed them; only when all are spent does {@link #code} wait for the clock to
 * reach the next step.
 */
public final class Authenticator {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param recoveryCodes unused recovery codes, spent when both safe TOTP codes (this step and the next) are */
    private record Enrolled(byte[] secret, Set<Long> usedSteps, java.util.Deque<String> recoveryCodes) {
        Enrolled(byte[] secret) {
            this(secret, new HashSet<>(), new java.util.ArrayDeque<>());
        }
    }

    private final Map<String, Enrolled> users = new ConcurrentHashMap<>();

    /** A new random secret for {@code username}, remembered; pass it as {@code --totp-secret}. */
    public String newSecret(String username) {
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        users.put(username, new Enrolled(secret));
        return Base32.encode(secret);
    }

    /** {@code --totp-secret SECRET}, for {@code user add} in a real console process. */
    public String[] totpArgs(String username) {
        return new String[] {"--totp-secret", newSecret(username)};
    }

    /** Remembers the secret a console set up itself (the demo, {@code addOrResetUser}, {@code user totp}). */
    public void remember(String username, ConsoleOperations.TotpSetup setup) {
        users.put(username, new Enrolled(Base32.decode(setup.secretBase32()), new HashSet<>(),
                new java.util.ArrayDeque<>(setup.recoveryCodes())));
    }

    /** Creates (or resets) the user in a running console and remembers the secret it was given. */
    public void addOrReset(ConsoleOperations.RunningConsole console, String username, Set<Role> roles, String school,
                           String password) {
        remember(username, console.addOrResetUser(username, roles, school, password));
    }

    /** A current code for this user that this helper has not handed out before. */
    public synchronized String code(String username) {
        Enrolled user = users.get(username);
        if (user == null) {
            throw new IllegalStateException("no TOTP secret for '" + username + "': create the user through the"
                    + " Authenticator");
        }
        while (true) {
            long now = Totp.step(Instant.now());
            // Never the previous step's code: the console accepts it only until the current step ends, which can
            // be a millisecond away, and a sign-in on a loaded machine takes seconds. The current step's code
            // stays good for 30-60 s, the next step's for 60-90 s.
            for (long step : new long[] {now, now + 1}) {
                if (user.usedSteps.add(step)) {
                    return Totp.code(user.secret, step);
                }
            }
            // Both safe codes are spent: a recovery code (also a real sign-in path) if one is left,
            // else the next TOTP code, valid when the clock reaches a new step.
            if (!user.recoveryCodes.isEmpty()) {
                return user.recoveryCodes.pop();
            }
            long next = (now + 1) * Totp.STEP_SECONDS * 1000;
            try {
                Thread.sleep(Math.max(1, next - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for the next TOTP step", e);
            }
        }
    }

    /** The JSON body for {@code POST /api/session}, with a current code. */
    public String sessionJson(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"totp\":\"" + code(username)
                + "\"}";
    }

    /** The form body for {@code POST /login}, with a current code. */
    public String loginForm(String username, String password) {
        return "username=" + enc(username) + "&password=" + enc(password) + "&totp=" + code(username);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
