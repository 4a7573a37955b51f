package io.vigil.console.store.jdbc;

import io.vigil.console.people.Directory;
import io.vigil.console.people.DirectoryEntry;
import io.vigil.console.people.DirectoryRole;
import io.vigil.console.people.ImportSummary;
import io.vigil.console.people.Person;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

public final class JdbcDirectory implements Directory {

    private static final String PEOPLE = "select p.* from directory_people p";

    private final Jdbc jdbc;

    public JdbcDirectory(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ImportSummary replace(long schoolId, List<DirectoryEntry> entries) {
        return jdbc.durableTransaction(c -> {
            Map<String, Long> personOfLogin = new HashMap<>();
            for (Object[] r : Jdbc.query(c, "select username, person_id from directory_logins where school_id = ?",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)}, schoolId)) {
                personOfLogin.put((String) r[0], (Long) r[1]);
            }
            Set<Long> kept = new HashSet<>();
            int added = 0;
            int updated = 0;
            Jdbc.update(c, "delete from directory_logins where school_id = ?", schoolId);
            for (DirectoryEntry e : entries) {
                // Same person when any login is theirs already (and not claimed by an earlier row of this file).
                Optional<Long> existing = e.usernames().stream().map(personOfLogin::get)
                        .filter(id -> id != null && !kept.contains(id)).findFirst();
                long id;
                if (existing.isPresent()) {
                    id = existing.get();
                    Jdbc.update(c, "update directory_people set display_name = ?, year_group = ?, form = ?, role = ?"
                            + " where id = ?", e.displayName(), e.yearGroup(), e.form(), e.role().id(), id);
                    updated++;
                } else {
                    id = Jdbc.insertReturningId(c, "insert into directory_people (school_id, display_name, year_group,"
                            + " form, role) values (?, ?, ?, ?, ?)", schoolId, e.displayName(), e.yearGroup(), e.form(),
                            e.role().id());
                    added++;
                }
                kept.add(id);
                for (String login : e.usernames()) {
                    Jdbc.update(c, "insert into directory_logins (school_id, username, person_id) values (?, ?, ?)",
                            schoolId, login, id);
                }
                if (e.role() != DirectoryRole.PUPIL) {
                    // A priority mark is for pupils; a pupil who became staff in the file loses it.
                    Jdbc.update(c, "update directory_people set priority_reason = null, priority_by = null,"
                            + " priority_at = null where id = ?", id);
                }
            }
            List<String> removed = new ArrayList<>();
            for (Object[] r : Jdbc.query(c, "select id, display_name from directory_people where school_id = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)}, schoolId)) {
                if (!kept.contains((Long) r[0])) {
                    removed.add((String) r[1]);
                    deletePerson(c, (Long) r[0]);
                }
            }
            return new ImportSummary(added, updated, removed);
        });
    }

    private static void deletePerson(Connection c, long id) throws SQLException {
        Jdbc.update(c, "delete from device_allocations where person_id = ?", id);
        Jdbc.update(c, "delete from console_user_people where person_id = ?", id);
        Jdbc.update(c, "delete from directory_logins where person_id = ?", id);
        Jdbc.update(c, "delete from directory_people where id = ?", id);
    }

    @Override
    public List<Person> people(long schoolId) {
        return jdbc.transaction(c -> withLogins(c, Jdbc.query(c, PEOPLE
                + " where p.school_id = ? order by p.display_name, p.id", JdbcDirectory::row, schoolId)));
    }

    @Override
    public Map<String, Person> byLogins(long schoolId, Collection<String> logins) {
        List<String> lower = logins.stream().map(l -> l.toLowerCase(Locale.ROOT)).distinct().toList();
        if (lower.isEmpty()) {
            return Map.of();
        }
        return jdbc.transaction(c -> {
            Map<String, Long> ids = new HashMap<>();
            for (int from = 0; from < lower.size(); from += 500) {
                List<String> chunk = lower.subList(from, Math.min(lower.size(), from + 500));
                Object[] params = new Object[chunk.size() + 1];
                params[0] = schoolId;
                System.arraycopy(chunk.toArray(), 0, params, 1, chunk.size());
                for (Object[] r : Jdbc.query(c, "select username, person_id from directory_logins where school_id = ?"
                        + " and username in (" + marks(chunk.size()) + ")", rs -> new Object[] {rs.getString(1),
                        rs.getLong(2)}, params)) {
                    ids.put((String) r[0], (Long) r[1]);
                }
            }
            Map<Long, Person> people = byIds(c, new HashSet<>(ids.values()));
            Map<String, Person> result = new HashMap<>();
            ids.forEach((login, id) -> result.put(login, people.get(id)));
            return result;
        });
    }

    @Override
    public Map<String, Person> allocations(Collection<String> deviceIds) {
        List<String> ids = deviceIds.stream().filter(d -> !d.isEmpty()).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.transaction(c -> {
            Map<String, Long> personOf = new HashMap<>();
            for (Object[] r : Jdbc.query(c, "select device_id, person_id from device_allocations where device_id in ("
                    + marks(ids.size()) + ")", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, ids.toArray())) {
                personOf.put((String) r[0], (Long) r[1]);
            }
            Map<Long, Person> people = byIds(c, new HashSet<>(personOf.values()));
            Map<String, Person> result = new HashMap<>();
            personOf.forEach((device, id) -> result.put(device, people.get(id)));
            return result;
        });
    }

    @Override
    public Optional<String> allocate(long schoolId, String device, String login, String actor, Instant at) {
        return jdbc.transaction(c -> {
            List<String> devices = Jdbc.query(c, "select id from devices where school_id = ? and (id = ? or"
                    + " lower(hostname) = ?) order by id", rs -> rs.getString(1), schoolId, device,
                    device.toLowerCase(Locale.ROOT));
            List<Long> person = Jdbc.query(c, "select person_id from directory_logins where school_id = ? and"
                    + " username = ?", rs -> rs.getLong(1), schoolId, login.toLowerCase(Locale.ROOT));
            if (devices.size() != 1 || person.isEmpty()) {
                return Optional.<String>empty();
            }
            Jdbc.update(c, "delete from device_allocations where device_id = ?", devices.getFirst());
            Jdbc.update(c, "insert into device_allocations (device_id, school_id, person_id, allocated_by,"
                    + " allocated_at) values (?, ?, ?, ?, ?)", devices.getFirst(), schoolId, person.getFirst(), actor, at);
            return Optional.of(devices.getFirst());
        });
    }

    @Override
    public List<String> genericLogins(long schoolId) {
        return jdbc.query("select pattern from generic_logins where school_id = ? order by pattern",
                rs -> rs.getString(1), schoolId);
    }

    @Override
    public void replaceGenericLogins(long schoolId, List<String> patterns) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from generic_logins where school_id = ?", schoolId);
            for (String p : patterns.stream().map(x -> x.strip().toLowerCase(Locale.ROOT)).filter(x -> !x.isEmpty())
                    .distinct().toList()) {
                Jdbc.update(c, "insert into generic_logins (school_id, pattern) values (?, ?)", schoolId, p);
            }
            return null;
        });
    }

    @Override
    public boolean setPriority(long schoolId, String login, Optional<String> reason, String actor, Instant at) {
        String who = " where role = 'pupil' and id = (select person_id from directory_logins where school_id = ?"
                + " and username = ?)";
        String lower = login.toLowerCase(Locale.ROOT);
        if (reason.isEmpty()) {
            return jdbc.update("update directory_people set priority_reason = null, priority_by = null,"
                    + " priority_at = null" + who, schoolId, lower) == 1;
        }
        return jdbc.update("update directory_people set priority_reason = ?, priority_by = ?, priority_at = ?" + who,
                reason.get(), actor, at, schoolId, lower) == 1;
    }

    @Override
    public boolean link(String username, long schoolId, String login) {
        return jdbc.transaction(c -> {
            List<Long> user = Jdbc.query(c, "select id from users where username = ?", rs -> rs.getLong(1), username);
            List<Long> person = Jdbc.query(c, "select person_id from directory_logins where school_id = ? and"
                    + " username = ?", rs -> rs.getLong(1), schoolId, login.toLowerCase(Locale.ROOT));
            if (user.isEmpty() || person.isEmpty()) {
                return false;
            }
            Jdbc.update(c, "delete from console_user_people where user_id = ? and person_id = ?", user.getFirst(),
                    person.getFirst());
            Jdbc.update(c, "insert into console_user_people (user_id, person_id) values (?, ?)", user.getFirst(),
                    person.getFirst());
            return true;
        });
    }

    private static Map<Long, Person> byIds(Connection c, Set<Long> ids) throws SQLException {
        Map<Long, Person> result = new HashMap<>();
        List<Long> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<Long> chunk = list.subList(from, Math.min(list.size(), from + 500));
            for (Person p : withLogins(c, Jdbc.query(c, PEOPLE + " where p.id in (" + marks(chunk.size()) + ")",
                    JdbcDirectory::row, chunk.toArray()))) {
                result.put(p.id(), p);
            }
        }
        return result;
    }

    private static List<Person> withLogins(Connection c, List<Person> people) throws SQLException {
        if (people.isEmpty()) {
            return people;
        }
        Map<Long, List<String>> logins = new HashMap<>();
        List<Long> ids = people.stream().map(Person::id).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Jdbc.query(c, "select person_id, username from directory_logins where person_id in ("
                    + marks(chunk.size()) + ") order by username", rs -> logins.computeIfAbsent(rs.getLong(1),
                    k -> new ArrayList<>()).add(rs.getString(2)), chunk.toArray());
        }
        return people.stream().map(p -> new Person(p.id(), p.schoolId(), p.displayName(), p.yearGroup(), p.form(),
                p.role(), logins.getOrDefault(p.id(), List.of()), p.priority())).toList();
    }

    private static Person row(ResultSet rs) throws SQLException {
        String reason = rs.getString("priority_reason");
        Optional<Person.Priority> priority = reason == null ? Optional.empty()
                : Optional.of(new Person.Priority(reason, rs.getString("priority_by"), Jdbc.instant(rs, "priority_at")));
        return new Person(rs.getLong("id"), rs.getLong("school_id"), rs.getString("display_name"),
                rs.getString("year_group"), rs.getString("form"), DirectoryRole.fromId(rs.getString("role")), List.of(),
                priority);
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
