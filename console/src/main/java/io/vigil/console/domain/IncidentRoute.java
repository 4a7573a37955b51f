package io.vigil.console.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How a concern logged by hand reached the DSL. Unsuitable and illegal content follow separate routes: illegal
 * content (indecent images of children, terrorist material) must not be viewed again, copied or forwarded, even to
 * the police; the device is preserved as it is and the concern referred.
 */
public enum IncidentRoute {
    DISCLOSURE("A pupil told a member of staff"),
    OFF_SITE("Something that happened off site or out of school"),
    PERSONAL_DEVICE("On a pupil's own phone or device"),
    STAFF_CONCERN("A member of staff noticed something"),
    UNSUITABLE_CONTENT("Unsuitable content (not illegal)"),
    ILLEGAL_CONTENT("Illegal content: do not view or copy; preserve; refer");

    /** What the incident page says on the illegal-content route, before and after logging. */
    public static final String ILLEGAL_INSTRUCTION = "Do not view, copy, print, screenshot or forward the content, not"
            + " even to colleagues or the police. Preserve the device as it is (switched on or off as found, not"
            + " searched), and refer: the police, and the IWF for images of children.";

    /** Sources of alerts logged by hand start with this, followed by the route's id. */
    public static final String SOURCE_PREFIX = "manual:";

    private final String label;

    IncidentRoute(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String source() {
        return SOURCE_PREFIX + id();
    }

    public static IncidentRoute fromId(String id) {
        for (IncidentRoute r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new InvalidCaseChangeException("choose how the concern came to you");
    }

    /** The route of an alert logged by hand; empty for one a device raised. */
    public static Optional<IncidentRoute> ofSource(String source) {
        if (source == null || !source.startsWith(SOURCE_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromId(source.substring(SOURCE_PREFIX.length())));
        } catch (InvalidCaseChangeException unknown) {
            return Optional.empty();
        }
    }
}
