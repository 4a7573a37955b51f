/**
 * What {@code /api/health} says, computed off the request path. A monitoring poll must answer at once even
 * while thousands of devices reconnect (the 8:45 storm): so the database is checked on this package's own
 * thread with its own connection and a timeout, and a request only reads the last result and its age. A check
 * that is late or failed is reported as such; the figures are never passed off as fresh.
 */
package io.vigil.console.health;
