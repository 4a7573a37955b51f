package io.vigil.console.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to run the console: where its data lives, which database holds its records, where it listens, and how
 * long a signed-in session may stay idle before it locks, and how urgent alerts reach people (none: nobody is
 * emailed, and urgent alerts wait in the outbox until a configuration is given).
 */
public record ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort, DatabaseConfig database,
                           Duration idleTimeout, Optional<NotifyConfig> notifyConfig, Optional<WebTls> webTls) {

    /** The school's own certificate and key (PEM) for the HTTPS console; agents keep the pinned self-signed one. */
    public record WebTls(Path certificate, Path key) {
    }

    public static final int DEFAULT_HTTP_PORT = 8443;
    public static final int DEFAULT_GRPC_PORT = 9443;
    /** 20 minutes matches common school screen-lock policies for staff handling safeguarding data. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(20);

    /** With the embedded H2 database in the data directory and the default idle timeout. */
    public ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort) {
        this(dataDir, bind, httpPort, grpcPort, DatabaseConfig.embedded(), DEFAULT_IDLE_TIMEOUT, Optional.empty(),
                Optional.empty());
    }

    public ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort, DatabaseConfig database,
                        Duration idleTimeout) {
        this(dataDir, bind, httpPort, grpcPort, database, idleTimeout, Optional.empty(), Optional.empty());
    }

    public ServeOptions withDataDir(Path dir) {
        return new ServeOptions(dir, bind, httpPort, grpcPort, database, idleTimeout, notifyConfig, webTls);
    }

    public ServeOptions withNotify(NotifyConfig config) {
        return new ServeOptions(dataDir, bind, httpPort, grpcPort, database, idleTimeout, Optional.of(config), webTls);
    }

    public ServeOptions withDatabase(DatabaseConfig config) {
        return new ServeOptions(dataDir, bind, httpPort, grpcPort, config, idleTimeout, notifyConfig, webTls);
    }

    public ServeOptions withWebTls(Optional<WebTls> tls) {
        return new ServeOptions(dataDir, bind, httpPort, grpcPort, database, idleTimeout, notifyConfig, tls);
    }

    public ServeOptions withIdleTimeout(Duration timeout) {
        return new ServeOptions(dataDir, bind, httpPort, grpcPort, database, timeout, notifyConfig, webTls);
    }
}
