package io.vigil.console.config;

import java.nio.file.Path;

/** How to run the console: where its data lives, which database holds its records, and where it listens. */
public record ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort, DatabaseConfig database) {

    public static final int DEFAULT_HTTP_PORT = 8443;
    public static final int DEFAULT_GRPC_PORT = 9443;

    /** With the embedded H2 database in the data directory. */
    public ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort) {
        this(dataDir, bind, httpPort, grpcPort, DatabaseConfig.embedded());
    }

    public ServeOptions withDataDir(Path dir) {
        return new ServeOptions(dir, bind, httpPort, grpcPort, database);
    }

    public ServeOptions withDatabase(DatabaseConfig config) {
        return new ServeOptions(dataDir, bind, httpPort, grpcPort, config);
    }
}
