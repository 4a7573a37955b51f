package io.vigil.console.domain;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

/** Names schools and trusts for the command line, and works out which schools a user may see. */
public final class Schools {

    private static final int MAX_NAME = 200;

    private final SchoolRepository repository;
    private final Clock clock;

    public Schools(SchoolRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Trust addTrust(String name) {
        return repository.createTrust(checkName("trust", name), clock.instant());
    }

    public School addSchool(String name, Optional<String> trustName) {
        Optional<Long> trustId = trustName.map(t -> requireTrust(t).id());
        return repository.createSchool(checkName("school", name), trustId, clock.instant());
    }

    /** The school named, or one whose absence is explained with the schools that do exist. */
    public School requireSchool(String name) {
        return repository.school(name.strip()).orElseThrow(() -> new ConsoleException(
                "unknown school '" + name + "'; " + known() + " (add one with `school add --name NAME`)"));
    }

    /** The school named, or, when none is named, the only school there is. */
    public School requireSchool(Optional<String> name) {
        if (name.isPresent()) {
            return requireSchool(name.get());
        }
        var all = repository.schools();
        if (all.size() == 1) {
            return all.getFirst();
        }
        throw new ConsoleException(all.isEmpty()
                ? "there are no schools yet; add one with `school add --name NAME`"
                : "name the school with --school; " + known());
    }

    public Trust requireTrust(String name) {
        return repository.trust(name.strip()).orElseThrow(() -> new ConsoleException(
                "unknown trust '" + name + "' (add one with `trust add --name NAME`)"));
    }

    /** Every school on this console, for fleet-wide jobs (the silence check) and the command line. */
    public java.util.List<School> all() {
        return repository.schools();
    }

    public Optional<School> school(long id) {
        return repository.school(id);
    }

    /** The schools a member may see: their school, or every school now in their trust. */
    public Scope scopeOf(Membership membership) {
        if (membership.schoolId().isPresent()) {
            return Scope.of(membership.schoolId().get());
        }
        return new Scope(java.util.Set.copyOf(repository.schoolIdsOfTrust(membership.trustId().orElseThrow())));
    }

    private String known() {
        var all = repository.schools();
        return all.isEmpty() ? "there are no schools yet"
                : "known schools: " + all.stream().map(School::name).collect(Collectors.joining(", "));
    }

    private static String checkName(String what, String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new ConsoleException("invalid " + what + " name '" + name + "': use 1-" + MAX_NAME
                    + " printable characters");
        }
        return stripped;
    }
}
