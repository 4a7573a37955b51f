package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcUserRepository implements UserRepository {

    private final Jdbc jdbc;

    public JdbcUserRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(String username, Role role, String passwordHash, Membership membership, Instant createdAt) {
        try {
            jdbc.update("""
                    insert into users (username, role, password_hash, school_id, trust_id, created_at)
                    values (?, ?, ?, ?, ?, ?)""", username, role.id(), passwordHash,
                    membership.schoolId().orElse(null), membership.trustId().orElse(null), createdAt);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                throw new ConsoleException("user '" + username + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(String username) {
        return jdbc.query("""
                select id, username, role, password_hash, disabled, school_id, trust_id from users
                where username = ?""",
                rs -> new User(rs.getLong("id"), rs.getString("username"), Role.fromId(rs.getString("role")),
                        rs.getString("password_hash"), rs.getBoolean("disabled"), membership(rs)),
                username).stream().findFirst();
    }

    private static Membership membership(java.sql.ResultSet rs) throws SQLException {
        long school = rs.getLong("school_id");
        if (!rs.wasNull()) {
            return Membership.school(school);
        }
        return Membership.trust(rs.getLong("trust_id"));
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        jdbc.update("update users set password_hash = ?, disabled = false where username = ?", passwordHash, username);
    }
}
