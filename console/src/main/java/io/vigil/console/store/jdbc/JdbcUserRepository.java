package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

public final class JdbcUserRepository implements UserRepository {

    private final Jdbc jdbc;

    public JdbcUserRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(String username, Set<Role> roles, String passwordHash, Membership membership,
                       Instant createdAt) {
        try {
            jdbc.transaction(c -> {
                Jdbc.update(c, """
                        insert into users (username, password_hash, school_id, trust_id, created_at)
                        values (?, ?, ?, ?, ?)""", username, passwordHash, membership.schoolId().orElse(null),
                        membership.trustId().orElse(null), createdAt);
                insertRoles(c, username, roles);
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                throw new ConsoleException("user '" + username + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> find(String username) {
        return jdbc.transaction(c -> {
            List<User> found = Jdbc.query(c, """
                            select id, username, password_hash, disabled, school_id, trust_id from users
                            where username = ?""",
                    rs -> new User(rs.getLong("id"), rs.getString("username"), Set.of(),
                            rs.getString("password_hash"), rs.getBoolean("disabled"), membership(rs)),
                    username);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            User user = found.getFirst();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(Jdbc.query(c, "select role from user_roles where user_id = ?",
                    rs -> Role.fromId(rs.getString("role")), user.id()));
            return Optional.of(new User(user.id(), user.username(), roles, user.passwordHash(), user.disabled(),
                    user.membership()));
        });
    }

    private static Membership membership(ResultSet rs) throws SQLException {
        long school = rs.getLong("school_id");
        if (!rs.wasNull()) {
            return Membership.school(school);
        }
        return Membership.trust(rs.getLong("trust_id"));
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        jdbc.update("update users set password_hash = ? where username = ?", passwordHash, username);
    }

    @Override
    public void setDisabled(String username, boolean disabled) {
        jdbc.update("update users set disabled = ? where username = ?", disabled, username);
    }

    @Override
    public void setRoles(String username, Set<Role> roles) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from user_roles where user_id = (select id from users where username = ?)",
                    username);
            insertRoles(c, username, roles);
            return null;
        });
    }

    private static void insertRoles(Connection c, String username, Set<Role> roles) throws SQLException {
        for (Role role : roles) {
            Jdbc.update(c, "insert into user_roles (user_id, role) select id, ? from users where username = ?",
                    role.id(), username);
        }
    }

    @Override
    public List<String> safeguardingUsers(long schoolId) {
        List<String> roles = java.util.Arrays.stream(Role.values())
                .filter(r -> r.permissions().contains(io.vigil.console.domain.Permission.ALERTS_TRIAGE))
                .map(Role::id).toList();
        String marks = String.join(",", java.util.Collections.nCopies(roles.size(), "?"));
        List<Object> params = new java.util.ArrayList<>(roles);
        params.add(schoolId);
        params.add(schoolId);
        return jdbc.query("select distinct u.username from users u join user_roles r on r.user_id = u.id"
                + " where r.role in (" + marks + ") and not u.disabled and (u.school_id = ?"
                + " or u.trust_id = (select s.trust_id from schools s where s.id = ?)) order by u.username",
                rs -> rs.getString(1), params.toArray());
    }
}
