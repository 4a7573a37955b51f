package io.vigil.console.audit;

import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.Scope;
import io.vigil.console.people.Directory;
import io.vigil.console.people.DirectoryCsv;
import io.vigil.console.people.DirectoryEntry;
import io.vigil.console.people.ImportSummary;
import io.vigil.console.people.InvalidDirectoryException;
import io.vigil.console.people.Person;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The only way the web and the command line reach a school's directory: each read and change is checked against
 * the caller's schools and audited. Names are personal data about children, so reads are audited like alerts.
 */
public final class AuditedDirectory {

    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    public AuditedDirectory(Directory directory, AuditLog audit, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Validates the whole file, then replaces the school's directory in one transaction.
     *
     * @throws InvalidDirectoryException naming every bad row; nothing was imported
     */
    public ImportSummary importCsv(String actor, Scope scope, long school, byte[] file) {
        check(scope, school);
        List<DirectoryEntry> entries;
        try {
            entries = DirectoryCsv.parse(file);
        } catch (InvalidDirectoryException e) {
            audit.record(actor, AuditAction.DIRECTORY_REFUSED, "school=" + school + " problems="
                    + e.problems().size() + " rows=" + e.problems().stream().map(p -> String.valueOf(p.row()))
                    .distinct().toList());
            throw e;
        }
        ImportSummary summary = directory.replace(school, entries);
        audit.record(actor, AuditAction.DIRECTORY_IMPORT, "school=" + school + " people=" + entries.size()
                + " added=" + summary.added() + " updated=" + summary.updated() + " removed="
                + summary.removed().size());
        for (String removed : summary.removed()) {
            audit.record(actor, AuditAction.DIRECTORY_PERSON_REMOVE, "school=" + school + " name=" + removed);
        }
        return summary;
    }

    public List<Person> people(String actor, Scope scope, long school) {
        check(scope, school);
        List<Person> people = directory.people(school);
        audit.record(actor, AuditAction.DIRECTORY_VIEW, "school=" + school + " people=" + people.size());
        return people;
    }

    /** @return false when no pupil of the school has that login */
    public boolean priority(String actor, Scope scope, long school, String login, Optional<String> reason) {
        check(scope, school);
        Optional<String> why = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (why.isPresent() && why.get().length() > 1000) {
            throw new InvalidQueryException("reason: at most 1000 characters");
        }
        boolean done = directory.setPriority(school, login, why, actor, clock.instant());
        // The reason is safeguarding content: the directory holds it; the log says a mark was set.
        audit.record(actor, AuditAction.PUPIL_PRIORITY_SET, "school=" + school + " login=" + login + " priority="
                + why.isPresent() + " found=" + done);
        return done;
    }

    /** @return the device id, or empty when the device or the person is not the school's */
    public Optional<String> allocate(String actor, Scope scope, long school, String device, String login) {
        check(scope, school);
        Optional<String> id = directory.allocate(school, device.strip(), login.strip(), actor, clock.instant());
        audit.record(actor, AuditAction.DEVICE_ALLOCATE, "school=" + school + " device=" + device + " login=" + login
                + " found=" + id.isPresent());
        return id;
    }

    public List<String> genericLogins(String actor, Scope scope, long school) {
        check(scope, school);
        return directory.genericLogins(school);
    }

    public void replaceGenericLogins(String actor, Scope scope, long school, List<String> patterns) {
        check(scope, school);
        for (String p : patterns) {
            if (p.strip().length() > 200 || !p.strip().matches("[\\p{L}\\p{N}._@'*\\\\-]*")) {
                throw new InvalidQueryException("generic login '" + p + "': letters, digits, . _ @ - and * only");
            }
        }
        directory.replaceGenericLogins(school, patterns);
        audit.record(actor, AuditAction.GENERIC_LOGINS_SET, "school=" + school + " patterns=" + patterns);
    }

    /** Links a console user to the directory person they are (the command line; audited). */
    public boolean link(String actor, String username, long school, String login) {
        boolean done = directory.link(username, school, login);
        audit.record(actor, AuditAction.USER_LINK, "user=" + username + " school=" + school + " login=" + login
                + " found=" + done);
        return done;
    }

    private static void check(Scope scope, long school) {
        if (!scope.contains(school)) {
            throw new InvalidQueryException("school " + school + " is not one of your schools");
        }
    }
}
