package io.vigil.console.health;

/**
 * What one look at the database found.
 *
 * @param reachable whether a query answered within the check's timeout
 * @param bytes size on disk (the H2 data file, or PostgreSQL's database), -1 if unknown
 * @param problem why it is not reachable, in one line; null when it is
 */
public record DatabaseCheck(boolean reachable, long bytes, String problem) {
}
