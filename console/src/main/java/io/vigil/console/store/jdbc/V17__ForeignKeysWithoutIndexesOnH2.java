package io.vigil.console.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On embedded H2, drops the four foreign keys that every stored alert pays for in index writes, and keeps them on
 * PostgreSQL, where they cost a lookup and no index.
 *
 * <p>H2 enforces a foreign key through an index of exactly the key's columns on the referencing table, and makes
 * one when none exists: {@code alerts.device_id}, {@code alerts.school_id}, {@code index_outbox.alert_id} and
 * {@code index_outbox.node_id} each had a B-tree that nothing but the constraint read. Every alert wrote the two
 * on {@code alerts} and wrote and then deleted an entry in the two on {@code index_outbox}: six of the seventeen
 * B-tree changes an alert caused (nine on {@code alerts}, four into the outbox and four out), each a copied page
 * that H2 later writes to the file. What the keys guarded holds without them: an alert is stored only for a
 * device that has just authenticated (or by hand, with no device), in that device's school; devices and
 * schools are never deleted (a device is revoked); an outbox entry is written in the same transaction as the
 * alert it names and deleted before its alert is (retention); and a console node's entries are deleted with
 * the node ({@link JdbcIndexOutbox#register}).
 */
public final class V17__ForeignKeysWithoutIndexesOnH2 extends BaseJavaMigration {

    private static final List<String[]> KEYS = List.of(new String[] {"alerts", "device_id"},
            new String[] {"alerts", "school_id"}, new String[] {"index_outbox", "alert_id"},
            new String[] {"index_outbox", "node_id"});

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!Jdbc.isH2(c)) {
            return;
        }
        for (String[] key : KEYS) {
            String constraint = foreignKey(c, key[0], key[1]);
            // Dropping the constraint drops the index H2 made for it.
            Jdbc.update(c, "alter table " + key[0] + " drop constraint \"" + constraint + "\"");
        }
    }

    /** H2 names a constraint declared inline itself ({@code constraint_8a}): it is found by table and column. */
    private static String foreignKey(Connection c, String table, String column) throws SQLException {
        List<String> names = Jdbc.query(c, """
                select tc.constraint_name from information_schema.table_constraints tc
                  join information_schema.key_column_usage k
                    on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
                 where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
                   and tc.table_name = ? and k.column_name = ?""", rs -> rs.getString(1), table, column);
        if (names.size() != 1) {
            throw new SQLException("expected one foreign key on " + table + "." + column + ", found " + names);
        }
        return names.getFirst();
    }
}
