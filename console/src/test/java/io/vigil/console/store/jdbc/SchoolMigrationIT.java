package io.vigil.console.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Scope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A console that ran schema version 1 keeps every record after the upgrade, each in a school. */
class SchoolMigrationIT {

    @TempDir
    Path dataDir;

    @Test
    void existingDataMovesIntoSchoolsNamedAsBeforeAndUsersIntoTheFirstSchool() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("console").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vigil", DatabasePassword.loadOrCreate(dataDir));
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into devices (id, school, hostname, os_name, os_version, hardware_id, agent_version,
                                             credential_hash, enrolled_at)
                        values ('dev-1', 'Oak Primary', 'OAK-01', 'Linux', '6', '', '1', 'x', current_timestamp),
                               ('dev-2', 'Elm Academy', 'ELM-01', 'Linux', '6', '', '1', 'x', current_timestamp)""");
                s.execute("""
                        insert into enrolment_tokens (token_hash, school, created_at)
                        values ('t1', 'Oak Primary', current_timestamp), ('t2', 'Birch School', current_timestamp)""");
                s.execute("""
                        insert into users (username, role, password_hash, created_at)
                        values ('mrs.khan', 'dsl', 'h', current_timestamp)""");
                s.execute("""
                        insert into alerts (uuid, device_id, sequence, category, severity, score, rule_ids, snippet,
                                            app, window_title, url, username, occurred_at, received_at, source,
                                            list_version)
                        values ('00000000-0000-0000-0000-000000000001', 'dev-1', 1, 'self_harm', 5, 10, '', 'a', '',
                                '', '', 'p', current_timestamp, current_timestamp, 'keyboard', 'v'),
                               ('00000000-0000-0000-0000-000000000002', 'dev-2', 1, 'bullying', 3, 10, '', 'b', '',
                                '', '', 'p', current_timestamp, current_timestamp, 'keyboard', 'v')""");
            }
        } finally {
            pool.dispose();
        }

        try (Database db = Database.open(dataDir)) {
            var schools = new JdbcSchoolRepository(db.dataSource());
            assertEquals(3, schools.schools().size(), "one school per distinct name, tokens included");
            long oak = schools.school("Oak Primary").orElseThrow().id();
            long elm = schools.school("Elm Academy").orElseThrow().id();
            var alerts = new JdbcAlertRepository(db.dataSource());
            assertEquals("a", alerts.find(AlertQuery.all(Scope.of(oak))).alerts().getFirst().snippet());
            assertEquals("b", alerts.find(AlertQuery.all(Scope.of(elm))).alerts().getFirst().snippet());
            var devices = new JdbcDeviceRepository(db.dataSource());
            assertEquals("Oak Primary", devices.inScope(Scope.of(oak)).getFirst().schoolName());
            long first = schools.schools().stream().mapToLong(s -> s.id()).min().orElseThrow();
            assertEquals(Membership.school(first),
                    new JdbcUserRepository(db.dataSource()).find("mrs.khan").orElseThrow().membership());
            assertTrue(new JdbcTokenRepository(db.dataSource()).byHash("t2").isPresent());
        }
    }
}
