package io.vigil.agent.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS groups a user belongs to, for the school's group mapping. On Linux and macOS this asks
 * {@code id -Gn}, which also sees directory groups (SSSD, winbind, Open Directory) that /etc/group lacks.
 * Windows is not covered yet: there the mapping falls back to username patterns.
 */
public final class OsGroups {

    private static final Logger log = LoggerFactory.getLogger(OsGroups.class);
    /** A directory lookup can stall on a laptop off the school network; the notice should not wait long. */
    private static final long TIMEOUT_SECONDS = 5;

    private OsGroups() {
    }

    /** Empty when the user is unknown or the platform cannot say; never throws. */
    public static Set<String> of(String user) {
        if (System.getProperty("os.name", "").startsWith("Windows") || !user.matches("[\\p{L}\\p{N}._@$\\\\-]{1,256}")) {
            return Set.of();
        }
        try {
            Process id = new ProcessBuilder("id", "-Gn", "--", user).redirectErrorStream(true).start();
            if (!id.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                log.warn("'id -Gn' did not answer within {} s; the user's OS groups are not used", TIMEOUT_SECONDS);
                return Set.of();
            }
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (id.exitValue() != 0) {
                return Set.of();
            }
            return Arrays.stream(out.split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            log.warn("cannot read the user's OS groups ({}); the group mapping uses usernames only", e.getMessage());
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        }
    }
}
