package io.vigil.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The agent's loopback "Get help" page, reached the way the pupil's browser reaches it. */
final class LocalHelpPage {

    private final URI page;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LocalHelpPage(URI page) {
        this.page = page;
    }

    /** The page of the agent whose config is {@code config}, from the owner-only file the agent writes. */
    static LocalHelpPage of(Path config) throws IOException {
        Path file = config.toAbsolutePath().getParent().resolve("state").resolve("help-page.url");
        return new LocalHelpPage(URI.create(Files.readString(file).strip()));
    }

    /** The page whose address a session helper wrote to {@code file} (under the user's runtime directory). */
    static LocalHelpPage fromFile(Path file) throws IOException {
        return new LocalHelpPage(URI.create(Files.readString(file).strip()));
    }

    URI url() {
        return page;
    }

    String origin() {
        return "http://127.0.0.1:" + page.getPort();
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as a browser sends it from {@code origin}. */
    HttpResponse<String> post(URI uri, String origin, String... pairs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(uri).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
