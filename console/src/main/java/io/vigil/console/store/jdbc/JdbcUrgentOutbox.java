package io.vigil.console.store.jdbc;

import io.vigil.console.notify.UrgentOutbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcUrgentOutbox implements UrgentOutbox {

    private final Jdbc jdbc;

    public JdbcUrgentOutbox(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Called by the alert store inside the transaction that inserts a new alert: queues its first message if the
     * alert is urgent for its school (the school's threshold, or severity 5 without one). A duplicate is never
     * inserted, so it never gets here.
     */
    static void enqueueIfUrgent(Connection c, long alertId, Instant receivedAt) throws SQLException {
        Jdbc.update(c, """
                insert into urgent_outbox (alert_id, step, due_at)
                select a.id, 0, ? from alerts a left join urgent_settings s on s.school_id = a.school_id
                where a.id = ? and a.severity >= coalesce(s.min_severity, 5)""", receivedAt, alertId);
    }

    /**
     * As {@link #enqueueIfUrgent(Connection, long, Instant)} for a batch: only alerts at or above the lowest
     * threshold any school has set (5 if none) can be urgent, so only those are checked, each by its key.
     */
    static void enqueueIfUrgent(Connection c, List<Long> alertIds, List<Integer> severities, Instant receivedAt)
            throws SQLException {
        int lowest = Jdbc.query(c, "select coalesce(min(min_severity), 5) from urgent_settings", rs -> rs.getInt(1))
                .getFirst();
        List<Object[]> candidates = new ArrayList<>();
        for (int i = 0; i < alertIds.size(); i++) {
            if (severities.get(i) >= lowest) {
                candidates.add(new Object[] {receivedAt, alertIds.get(i)});
            }
        }
        Jdbc.updateEach(c, """
                insert into urgent_outbox (alert_id, step, due_at)
                select a.id, 0, ? from alerts a left join urgent_settings s on s.school_id = a.school_id
                where a.id = ? and a.severity >= coalesce(s.min_severity, 5)""", candidates);
    }

    @Override
    public List<Message> claimDue(Instant now, Instant claimUntil, int max) {
        List<Long> due = jdbc.query("""
                select id from urgent_outbox where done_at is null and due_at <= ?
                and (claimed_until is null or claimed_until < ?) order by id limit ?""",
                rs -> rs.getLong(1), now, now, max);
        List<Message> claimed = new ArrayList<>();
        for (long id : due) {
            // The conditional update is the claim: of two senders only one sees "1 row".
            int won = jdbc.update("update urgent_outbox set claimed_until = ? where id = ? and done_at is null"
                    + " and (claimed_until is null or claimed_until < ?)", claimUntil, id, now);
            if (won == 1) {
                claimed.addAll(jdbc.query("""
                        select o.id, a.uuid, a.school_id, s.name, o.step, o.attempts, o.email_sent_at,
                               o.webhook_sent_at, a.acknowledged_at, a.status
                        from urgent_outbox o join alerts a on a.id = o.alert_id join schools s on s.id = a.school_id
                        where o.id = ?""", rs -> new Message(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getObject(7) != null, rs.getObject(8) != null,
                        rs.getObject(9) != null || "closed".equals(rs.getString(10))), id));
            }
        }
        return claimed;
    }

    @Override
    public void emailSent(long id, Instant at) {
        jdbc.update("update urgent_outbox set email_sent_at = ? where id = ?", at, id);
    }

    @Override
    public void webhookSent(long id, Instant at) {
        jdbc.update("update urgent_outbox set webhook_sent_at = ? where id = ?", at, id);
    }

    @Override
    public void done(long id, Instant at, String note) {
        jdbc.update("update urgent_outbox set done_at = ?, claimed_until = null, last_error = ? where id = ?", at,
                note == null ? null : Text500.of(note), id);
    }

    @Override
    public void failed(long id, Instant retryAt, String error) {
        jdbc.update("""
                update urgent_outbox set attempts = attempts + 1, due_at = ?, claimed_until = null, last_error = ?
                where id = ?""", retryAt, Text500.of(error), id);
    }

    @Override
    public List<Sent> awaitingFollowUp(int max) {
        return jdbc.query("""
                select o.id, o.alert_id, a.school_id, o.step, o.done_at, a.acknowledged_at, a.status
                from urgent_outbox o join alerts a on a.id = o.alert_id
                where o.followed_up = false and o.done_at is not null order by o.done_at, o.id limit ?""",
                rs -> new Sent(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), Jdbc.instant(rs, "done_at"),
                        rs.getObject(6) != null || "closed".equals(rs.getString(7))), max);
    }

    @Override
    public void escalate(Sent sent, Instant due) {
        jdbc.transaction(c -> {
            // "where not exists" and the unique (alert, step) key: a second node doing the same adds nothing.
            Jdbc.update(c, """
                    insert into urgent_outbox (alert_id, step, due_at) select ?, ?, ? where not exists
                    (select 1 from urgent_outbox where alert_id = ? and step = ?)""", sent.alertId(), sent.step() + 1,
                    due, sent.alertId(), sent.step() + 1);
            Jdbc.update(c, "update urgent_outbox set followed_up = true where id = ?", sent.id());
            return null;
        });
    }

    @Override
    public void followedUp(long id) {
        jdbc.update("update urgent_outbox set followed_up = true where id = ?", id);
    }

    /** Error texts from mail servers can be long; the column keeps the start. */
    private static final class Text500 {
        static String of(String s) {
            return s == null ? null : s.length() <= 500 ? s : s.substring(0, 500);
        }
    }
}
