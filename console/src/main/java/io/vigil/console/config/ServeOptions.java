package io.vigil.console.config;

import java.nio.file.Path;

/** How to run the console: where its data lives and where it listens. */
public record ServeOptions(Path dataDir, String bind, int httpPort, int grpcPort) {

    public static final int DEFAULT_HTTP_PORT = 8443;
    public static final int DEFAULT_GRPC_PORT = 9443;
}
