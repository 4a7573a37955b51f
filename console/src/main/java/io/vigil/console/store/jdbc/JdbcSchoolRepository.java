package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.School;
import io.vigil.console.domain.SchoolRepository;
import io.vigil.console.domain.Trust;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcSchoolRepository implements SchoolRepository {

    private final Jdbc jdbc;

    public JdbcSchoolRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Trust createTrust(String name, Instant at) {
        return unique("trust", name, () -> new Trust(jdbc.transaction(c -> Jdbc.insertReturningId(c,
                "insert into trusts (name, created_at) values (?, ?)", name, at)), name));
    }

    @Override
    public School createSchool(String name, Optional<Long> trustId, Instant at) {
        return unique("school", name, () -> new School(jdbc.transaction(c -> Jdbc.insertReturningId(c,
                "insert into schools (name, trust_id, created_at) values (?, ?, ?)", name, trustId.orElse(null), at)),
                name, trustId));
    }

    private static <T> T unique(String what, String name, java.util.function.Supplier<T> insert) {
        try {
            return insert.get();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                throw new ConsoleException("a " + what + " named '" + name + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<School> school(String name) {
        return jdbc.query("select * from schools where name = ?", JdbcSchoolRepository::school, name)
                .stream().findFirst();
    }

    @Override
    public Optional<School> school(long id) {
        return jdbc.query("select * from schools where id = ?", JdbcSchoolRepository::school, id)
                .stream().findFirst();
    }

    @Override
    public Optional<Trust> trust(String name) {
        return jdbc.query("select id, name from trusts where name = ?",
                rs -> new Trust(rs.getLong("id"), rs.getString("name")), name).stream().findFirst();
    }

    @Override
    public List<School> schools() {
        return jdbc.query("select * from schools order by name", JdbcSchoolRepository::school);
    }

    @Override
    public List<Long> schoolIdsOfTrust(long trustId) {
        return jdbc.query("select id from schools where trust_id = ? order by id", rs -> rs.getLong(1), trustId);
    }

    private static School school(ResultSet rs) throws SQLException {
        // Read as an object: wasNull() after later getters would answer for the last column read, not this one.
        Optional<Long> trust = Optional.ofNullable(rs.getObject("trust_id", Long.class));
        return new School(rs.getLong("id"), rs.getString("name"), trust);
    }
}
