package io.vigil.console.store.jdbc;

import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Text;
import io.vigil.console.domain.TokenRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcTokenRepository implements TokenRepository {

    private static final String SELECT = """
            select t.*, s.name as school_name from enrolment_tokens t join schools s on s.id = t.school_id
            """;

    private final Jdbc jdbc;

    public JdbcTokenRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public long create(String tokenHash, long schoolId, String createdBy, Instant createdAt, Instant expiresAt) {
        String by = Text.bounded(createdBy, 100);
        // Two statements rather than binding a null timestamp, which drivers type differently.
        return jdbc.transaction(c -> expiresAt == null
                ? Jdbc.insertReturningId(c, """
                        insert into enrolment_tokens (token_hash, school_id, created_at, created_by)
                        values (?, ?, ?, ?)""", tokenHash, schoolId, createdAt, by)
                : Jdbc.insertReturningId(c, """
                        insert into enrolment_tokens (token_hash, school_id, created_at, created_by, expires_at)
                        values (?, ?, ?, ?, ?)""", tokenHash, schoolId, createdAt, by, expiresAt));
    }

    @Override
    public Optional<EnrolmentToken> byHash(String tokenHash) {
        return jdbc.query(SELECT + "where t.token_hash = ?", JdbcTokenRepository::token, tokenHash)
                .stream().findFirst();
    }

    @Override
    public Optional<EnrolmentToken> byId(long id) {
        return jdbc.query(SELECT + "where t.id = ?", JdbcTokenRepository::token, id).stream().findFirst();
    }

    @Override
    public void recordUse(long tokenId, String deviceId) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "update enrolment_tokens set uses = uses + 1 where id = ?", tokenId);
            Jdbc.update(c, "update devices set enrolment_token_id = ? where id = ?", tokenId, deviceId);
            return null;
        });
    }

    @Override
    public boolean revoke(long id, String by, Instant at) {
        return jdbc.update("update enrolment_tokens set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                at, Text.bounded(by, 100), id) == 1;
    }

    @Override
    public List<EnrolmentToken> inScope(Scope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Object[] ids = java.util.Arrays.stream(scope.ids()).boxed().toArray();
        return jdbc.query(SELECT + "where t.school_id in (" + String.join(",", Collections.nCopies(ids.length, "?"))
                + ") order by t.created_at desc, t.id desc", JdbcTokenRepository::token, ids);
    }

    private static EnrolmentToken token(ResultSet rs) throws SQLException {
        return new EnrolmentToken(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getString("created_by"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
                rs.getInt("uses"), Jdbc.instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }
}
