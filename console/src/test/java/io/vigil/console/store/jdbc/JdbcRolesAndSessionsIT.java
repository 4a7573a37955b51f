package io.vigil.console.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users with several roles and the role migration from version 1, on a real H2 file. */
class JdbcRolesAndSessionsIT {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void version1RolesMigrateToTheNewRoleIds() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("console").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vigil", "pw");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
            try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into users (username, role, password_hash, created_at) values (?, ?, 'h', ?)")) {
                for (String[] user : new String[][] {{"it", "it_admin"}, {"head", "leader"}, {"lead", "dsl"},
                        {"deputy", "deputy_dsl"}}) {
                    insert.setString(1, user[0]);
                    insert.setString(2, user[1]);
                    insert.setObject(3, java.time.OffsetDateTime.parse("2026-11-01T08:00:00Z"));
                    insert.executeUpdate();
                }
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            var users = new JdbcUserRepository(pool);
            assertEquals(Set.of(Role.IT_PROVIDER), users.find("it").orElseThrow().roles());
            assertEquals(Set.of(Role.HEADTEACHER), users.find("head").orElseThrow().roles());
            assertEquals(Set.of(Role.DSL), users.find("lead").orElseThrow().roles());
            assertEquals(Set.of(Role.DEPUTY_DSL), users.find("deputy").orElseThrow().roles());
        } finally {
            pool.dispose();
        }
    }

    private static Membership oakPrimary(Database db) {
        return Membership.school(new JdbcSchoolRepository(db.dataSource())
                .createSchool("Oak Primary", java.util.Optional.empty(), T0).id());
    }

    @Test
    void aUserHoldsSeveralRolesAndTheyCanBeReplaced() {
        try (Database db = Database.open(dataDir)) {
            var users = new JdbcUserRepository(db.dataSource());
            var oak = oakPrimary(db);
            users.create("head", Set.of(Role.HEADTEACHER, Role.DSL), "h", oak, T0);
            assertEquals(Set.of(Role.HEADTEACHER, Role.DSL), users.find("head").orElseThrow().roles());
            users.setRoles("head", Set.of(Role.GOVERNOR));
            assertEquals(Set.of(Role.GOVERNOR), users.find("head").orElseThrow().roles());
            assertThrows(ConsoleException.class, () -> users.create("head", Set.of(Role.DSL), "h", oak, T0));
        }
    }
}
