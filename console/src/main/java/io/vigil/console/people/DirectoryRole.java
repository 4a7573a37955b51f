package io.vigil.console.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A person's role in the school's directory, as the MIS export gives it. It decides who an alert about the person
 * is routed to ({@link Route}); it is not a console role.
 */
public enum DirectoryRole {
    PUPIL, STAFF, HEADTEACHER, GOVERNOR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by an MIS export cell ("Pupil", "student", "Staff", "Head teacher", ...), if any. */
    public static Optional<DirectoryRole> parse(String cell) {
        String s = cell.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
        return switch (s) {
            case "pupil", "student" -> Optional.of(PUPIL);
            case "staff", "teacher", "employee" -> Optional.of(STAFF);
            case "headteacher", "head", "principal" -> Optional.of(HEADTEACHER);
            case "governor" -> Optional.of(GOVERNOR);
            default -> Optional.empty();
        };
    }

    public static DirectoryRole fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown directory role " + id));
    }

    public static String ids() {
        return Arrays.stream(values()).map(DirectoryRole::id).collect(Collectors.joining(", "));
    }
}
