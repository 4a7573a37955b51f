package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
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
    public void create(String username, Role role, String passwordHash, Instant createdAt) {
        try {
            jdbc.update("insert into users (username, role, password_hash, created_at) values (?, ?, ?, ?)",
                    username, role.id(), passwordHash, createdAt);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                throw new ConsoleException("user '" + username + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(String username) {
        return jdbc.query("select id, username, role, password_hash, disabled from users where username = ?",
                rs -> new User(rs.getLong("id"), rs.getString("username"), Role.fromId(rs.getString("role")),
                        rs.getString("password_hash"), rs.getBoolean("disabled")),
                username).stream().findFirst();
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        jdbc.update("update users set password_hash = ?, disabled = false where username = ?", passwordHash, username);
    }
}
