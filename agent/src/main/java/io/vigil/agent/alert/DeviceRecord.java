package io.vigil.agent.alert;

import java.util.UUID;

/**
 * Something the device reports to the console. Every kind shares the device spool and its one
 * sequence space, so each is durable on the device until the console acknowledges it, and the
 * console stores each {@link #uuid()} once however often it is resent.
 *
 * <p>To report one, hand it to the agent's record sink ({@code SpoolingRecordSink#accept}); the
 * spool and transport need no change for a kind listed here.
 */
public sealed interface DeviceRecord
        permits AlertRecord, FilterEventRecord, NoticeAcceptanceRecord, BrowsingSummaryRecord, ReviewRequestRecord,
        TamperEventRecord {

    /** Idempotency key, made on the device when the record was raised. */
    UUID uuid();

    /** Short name for logs ("alert", "filter event"...); never the record's content. */
    String kind();
}
