package io.vigil.console.store.jdbc;

import io.vigil.console.domain.School;
import io.vigil.console.domain.TokenRepository;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcTokenRepository implements TokenRepository {

    private final Jdbc jdbc;

    public JdbcTokenRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(String tokenHash, long schoolId, Instant createdAt) {
        jdbc.update("insert into enrolment_tokens (token_hash, school_id, created_at) values (?, ?, ?)",
                tokenHash, schoolId, createdAt);
    }

    @Override
    public Optional<School> activeSchool(String tokenHash) {
        return jdbc.query("""
                select s.id, s.name, s.trust_id from enrolment_tokens t join schools s on s.id = t.school_id
                where t.token_hash = ? and t.revoked_at is null""",
                rs -> {
                    long trust = rs.getLong("trust_id");
                    return new School(rs.getLong("id"), rs.getString("name"),
                            rs.wasNull() ? Optional.empty() : Optional.of(trust));
                }, tokenHash).stream().findFirst();
    }
}
