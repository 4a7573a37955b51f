package io.vigil.console.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * The one-line causes for failures that are awkward to provoke for real (a name that does not resolve, a
 * server that never answers); refused connections, wrong passwords and missing databases are provoked for
 * real in ServeOnPostgresIT.
 */
class PostgresConnectionsTest {

    private static SQLException attemptFailed(Throwable cause) {
        return new PSQLException("The connection attempt failed.", PSQLState.CONNECTION_UNABLE_TO_CONNECT, cause);
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
        assertEquals("unknown host db.school.invalid",
                PostgresConnections.cause(attemptFailed(new UnknownHostException("db.school.invalid"))));
    }

    @Test
    void aServerThatNeverAnswersIsNamedWithTheTimeout() {
        assertEquals("no answer within 10 s",
                PostgresConnections.cause(attemptFailed(new SocketTimeoutException("connect timed out"))));
    }

    @Test
    void aRefusedConnectionSaysWhatToCheck() {
        assertEquals("connection refused (is PostgreSQL running and listening on that port?)",
                PostgresConnections.cause(attemptFailed(new ConnectException("Connection refused"))));
    }

    @Test
    void anythingElseIsItsFirstLine() {
        assertEquals("SSL error: certificate expired", PostgresConnections.cause(
                attemptFailed(new java.io.IOException("SSL error: certificate expired\n  at detail"))));
    }
}
