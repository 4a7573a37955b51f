package io.vigil.console.config;

/**
 * Where the console keeps its records: the embedded H2 files inside the data directory (the default, nothing
 * to install), or a PostgreSQL server that several console nodes can share.
 */
public sealed interface DatabaseConfig {

    static DatabaseConfig embedded() {
        return new Embedded();
    }

    /** H2 files in the data directory, protected by the generated password kept beside them. */
    record Embedded() implements DatabaseConfig {
    }

    /**
     * A PostgreSQL server. The password only ever comes from a file or the environment, so it never appears
     * in the process list.
     *
     * @param url      the JDBC URL as given, without credentials
     * @param hosts    host[:port] (or several, comma-separated), for messages
     * @param database database name, for messages
     */
    record Postgres(String url, String hosts, String database, String user, String password)
            implements DatabaseConfig {

        /** "host:port/database", the words an administrator recognises from their own configuration. */
        public String describe() {
            return hosts + "/" + database;
        }

        @Override
        public String toString() {
            // Records print every component; the password must never reach a log line.
            return "Postgres[" + describe() + " as " + user + "]";
        }
    }
}
