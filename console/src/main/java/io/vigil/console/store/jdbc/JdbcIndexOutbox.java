package io.vigil.console.store.jdbc;

import io.vigil.console.domain.IndexOutbox;
import io.vigil.console.domain.StoredAlert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcIndexOutbox implements IndexOutbox {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcIndexOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public boolean register(String nodeId) {
        return jdbc.transaction(c -> {
            if (!Jdbc.query(c, "select 1 from console_nodes where id = ?", rs -> 1, nodeId).isEmpty()) {
                Jdbc.update(c, "update console_nodes set last_seen_at = ? where id = ?", clock.instant(), nodeId);
                return false;
            }
            waitForAlertsInFlight(c);
            // Forget nodes gone for good, and their outboxes (on H2 no foreign key cascades it, see V17).
            java.time.Instant expired = clock.instant().minus(NODE_EXPIRY);
            Jdbc.update(c, "delete from index_outbox where node_id in (select id from console_nodes"
                    + " where last_seen_at < ?)", expired);
            Jdbc.update(c, "delete from console_nodes where last_seen_at < ?", expired);
            Jdbc.update(c, "insert into console_nodes (id, registered_at, last_seen_at) values (?, ?, ?)",
                    nodeId, clock.instant(), clock.instant());
            return true;
        });
    }

    /**
     * On PostgreSQL another node may be storing alerts right now. An alert's transaction reads the node list
     * when it writes its outbox rows; this lock waits until those transactions end and holds new ones back
     * until this node is listed, so none of them can both miss this node's outbox and be invisible to its
     * full scan. An embedded H2 database has a single console process, which registers before it ingests.
     */
    private static void waitForAlertsInFlight(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
            Jdbc.update(c, "lock table console_nodes in access exclusive mode");
        }
    }

    @Override
    public void stillAlive(String nodeId) {
        jdbc.update("update console_nodes set last_seen_at = ? where id = ?", clock.instant(), nodeId);
    }

    @Override
    public List<StoredAlert> pending(String nodeId, int max) {
        // Read in the outbox's key order, then each alert by its key. Ordering by node_id too lets the database
        // read the key in order and stop after max rows. The earlier "where a.id in (subquery)" was re-evaluated
        // for every row while the group commit kept changing the tables: a third of the console's CPU in a flood.
        return jdbc.query("""
                select a.*, d.hostname from index_outbox o join alerts a on a.id = o.alert_id
                  left join devices d on d.id = a.device_id
                 where o.node_id = ? order by o.node_id, o.alert_id fetch first ? rows only""",
                JdbcAlertRepository::map, nodeId, max);
    }

    @Override
    public void done(String nodeId, Collection<Long> alertIds) {
        // Row by row through the primary key. One delete with an IN list of 500 ids made H2 walk every waiting
        // row of the node per statement: in a flood of 100,000 alerts that was a third of the console's CPU.
        List<Object[]> keys = alertIds.stream().map(id -> new Object[] {nodeId, id}).toList();
        // An entry requeued by a case change since it was read stays for the next pass (with its mark cleared):
        // the index must end up with the alert's newest status and assignee.
        jdbc.transaction(c -> {
            Jdbc.updateEach(c, "delete from index_outbox where node_id = ? and alert_id = ? and requeued = false",
                    keys);
            return Jdbc.updateEach(c, "update index_outbox set requeued = false where node_id = ? and alert_id = ?"
                    + " and requeued = true", keys);
        });
    }

    @Override
    public long pendingCount(String nodeId) {
        return jdbc.query("select count(*) from index_outbox where node_id = ?", rs -> rs.getLong(1), nodeId)
                .getFirst();
    }
}
