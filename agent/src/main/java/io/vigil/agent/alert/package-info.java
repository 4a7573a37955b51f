/**
 * What the device reports to the console, as plain records: {@link io.vigil.agent.alert.AlertRecord}
 * and the other {@link io.vigil.agent.alert.DeviceRecord} kinds (filter events, notice acceptances,
 * browsing summaries, review requests). No protobuf here: the transport maps these to the wire, the
 * spool to its own binary form. To add a kind: a record here, a body in the spool's codec, a mapping in
 * the transport, and a case in the console's ingest.
 */
package io.vigil.agent.alert;
