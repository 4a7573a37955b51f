package io.vigil.agent.helper.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who owns a login session on this device, for {@link PeerCheck}: a user named in the config or on the command
 * line (kiosk-style devices, tests), else systemd-logind's list of sessions. Several users may be signed in
 * at once (fast user switching), each with their own helper.
 */
public final class SessionOwners {

    private static final Logger log = LoggerFactory.getLogger(SessionOwners.class);

    private SessionOwners() {
    }

    public static Supplier<Set<String>> fixed(String user) {
        Set<String> owners = Set.of(user);
        return () -> owners;
    }

    /** Asks {@code loginctl list-sessions} at each check (a helper connects rarely); empty when it cannot answer. */
    public static Supplier<Set<String>> logind() {
        return () -> {
            try {
                Process p = new ProcessBuilder(List.of("loginctl", "list-sessions", "--no-legend"))
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    return Set.of();
                }
                return parse(out);
            } catch (IOException e) {
                log.debug("loginctl not available: {}", e.getMessage());
                return Set.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Set.of();
            }
        };
    }

    /** Lines of {@code SESSION UID USER SEAT ...}. */
    static Set<String> parse(String listSessions) {
        Set<String> users = new HashSet<>();
        for (String line : listSessions.split("\n")) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 3 && columns[1].chars().allMatch(Character::isDigit)) {
                users.add(columns[2]);
            }
        }
        return users;
    }
}
