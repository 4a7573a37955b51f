package io.vigil.console.store.jdbc;

import io.vigil.console.auth.SessionRepository;
import io.vigil.console.domain.ConsoleException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Console sessions in the {@code sessions} table, keyed by the SHA-256 of the id the browser holds. */
public final class JdbcSessionRepository implements SessionRepository {

    private final Jdbc jdbc;

    public JdbcSessionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(String idHash, String username, Instant at) {
        int inserted = jdbc.update("insert into sessions (id_hash, user_id, created_at, last_used_at)"
                + " select ?, id, ?, ? from users where username = ?", idHash, at, at, username);
        if (inserted != 1) {
            throw new ConsoleException("no user '" + username + "' to open a session for");
        }
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return jdbc.query("select s.id_hash, u.username, s.created_at, s.last_used_at from sessions s"
                        + " join users u on u.id = s.user_id where s.id_hash = ?",
                rs -> new StoredSession(rs.getString("id_hash"), rs.getString("username"),
                        Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_used_at")),
                idHash).stream().findFirst();
    }

    @Override
    public void touch(String idHash, Instant at) {
        jdbc.update("update sessions set last_used_at = ? where id_hash = ?", at, idHash);
    }

    @Override
    public void delete(String idHash) {
        jdbc.update("delete from sessions where id_hash = ?", idHash);
    }

    @Override
    public int deleteForUser(String username) {
        return jdbc.update("delete from sessions where user_id = (select id from users where username = ?)", username);
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        return jdbc.update("delete from sessions where last_used_at < ?", cutoff);
    }
}
