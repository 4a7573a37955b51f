package io.vigil.console.store.jdbc;

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
    public void create(String tokenHash, String school, Instant createdAt) {
        jdbc.update("insert into enrolment_tokens (token_hash, school, created_at) values (?, ?, ?)",
                tokenHash, school, createdAt);
    }

    @Override
    public Optional<String> activeSchool(String tokenHash) {
        return jdbc.query("select school from enrolment_tokens where token_hash = ? and revoked_at is null",
                rs -> rs.getString(1), tokenHash).stream().findFirst();
    }
}
