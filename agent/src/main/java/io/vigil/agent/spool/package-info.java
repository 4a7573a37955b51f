/**
 * The device spool: every record the device reports (alerts, filter events, notice acceptances,
 * browsing summaries, review requests: the {@code DeviceRecord} kinds) is written here, durably, before
 * anything tries to send it, and leaves only when the console acknowledges its sequence number. Other
 * parts of the agent report through {@link io.vigil.agent.spool.SpoolingRecordSink#accept}.
 *
 * <ul>
 *   <li><b>Kinds.</b> All kinds share one per-device sequence, one Ack and one refusal path. A record is
 *       stored as format byte 4, a kind byte and the kind's own versioned body ({@code RecordCodec});
 *       records written before kinds existed are bare alerts (formats 1-3) and still decode.
 *       {@code RecordCodecTest} and {@code MixedKindSpoolTest} hold this.</li>
 *   <li><b>Durability.</b> One H2 MVStore file with auto-commit off; {@code append} commits and
 *       fsyncs before it returns, so an alert survives kill -9 and power loss once accepted.
 *       {@code SpoolKillIT} kills a writing JVM and checks every reported alert is still there.</li>
 *   <li><b>Sequences.</b> A persisted counter gives each alert the next per-device sequence; it never
 *       goes back, even when the spool is empty.</li>
 *   <li><b>Corruption.</b> A file MVStore cannot open is moved aside to
 *       {@code <file>.corrupt-<UTC time>} and a new spool is started with an ERROR log. We chose not
 *       to refuse to start: an agent that stops capturing protects no one, and the old file is kept
 *       for recovery rather than deleted. A new spool renumbers its alerts above the console's
 *       high-water mark on first contact ({@code reconcile}), so its restarted sequence numbers can
 *       never be mistaken for alerts the console already holds. Only a mark reconciles a spool, never
 *       a plain Ack, and the transport sends nothing from an unreconciled spool.</li>
 *   <li><b>Refused records.</b> An alert the console refuses as invalid is moved to map {@code refused}
 *       ({@code setAside}): kept on the device as evidence, counted in every heartbeat, and out of the way
 *       of the alerts behind it. Records that cannot be decoded go to map {@code unreadable} likewise.</li>
 *   <li><b>One agent per spool.</b> MVStore's file lock makes a second agent on the same file fail
 *       with a clear message instead of interleaving writes.</li>
 * </ul>
 */
package io.vigil.agent.spool;
