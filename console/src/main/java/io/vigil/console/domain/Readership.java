package io.vigil.console.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which alerts of its schools a reader may see: the {@link Route}s their roles receive, never an alert about
 * themselves. Part of every {@link Scope}, so the store applies it to every read (list, search re-check, detail,
 * screenshot, export, counts, timeline) in one place.
 *
 * @param reader       the console username, lower case, whose own alerts are hidden; "" for the system itself
 * @param unrestricted true only for the console's own work (indexing, purge, restore counts), never a person
 */
public record Readership(Set<Route> routes, String reader, boolean unrestricted) {

    /** The console itself: every route, nobody excluded. Never given to a signed-in person. */
    public static final Readership SYSTEM = new Readership(EnumSet.allOf(Route.class), "", true);

    public Readership {
        routes = routes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(routes));
        reader = reader.toLowerCase(Locale.ROOT);
    }

    /** A person's readership: the routes their roles receive (none for roles that read no alerts). */
    public static Readership of(String username, Set<Role> roles) {
        Set<Route> routes = EnumSet.noneOf(Route.class);
        for (Role role : roles) {
            switch (role) {
                case DSL, DEPUTY_DSL -> routes.add(Route.SAFEGUARDING);
                case HEADTEACHER -> routes.add(Route.HEADTEACHER);
                case CHAIR_OF_GOVERNORS -> routes.add(Route.CHAIR_OF_GOVERNORS);
                default -> { }
            }
        }
        return new Readership(routes, username, false);
    }

    /** True when this reader sees no alert at all: the store need not be asked. */
    public boolean seesNothing() {
        return !unrestricted && routes.isEmpty();
    }
}
