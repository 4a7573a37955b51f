package io.vigil.console.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** java.net.http over plain HTTP to a loopback test server, sending one fixed session cookie (or none). */
final class PlainHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMinutes(1)) // hang guards
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final int port;
    private final String cookie;

    PlainHttp(int port) {
        this(port, null);
    }

    private PlainHttp(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    PlainHttp withCookie(String sessionId) {
        return new PlainHttp(port, SessionCookie.NAME + "=" + sessionId);
    }

    HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(""));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }
}
