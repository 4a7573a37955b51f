/**
 * What devices report about web filtering, as the console reads it back: blocked requests (filter events),
 * allowed browsing as per-user, per-domain, per-hour counts ("sites visited"), and requests to review a
 * block. Framework-free; the JDBC store implements {@link io.vigil.console.filtering.FilteringRecords} and
 * the ingest-side {@link io.vigil.console.domain.FilteringReports} seam.
 */
package io.vigil.console.filtering;
