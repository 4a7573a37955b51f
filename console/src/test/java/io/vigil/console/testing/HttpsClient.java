package io.vigil.console.testing;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** java.net.http against the real HTTPS console, trusting only its generated certificate. */
public final class HttpsClient {

    private final HttpClient http;
    private final String base;
    private String cookie;

    public HttpsClient(int port, Path certificate) throws Exception {
        this(port, certificate, null);
    }

    /** @param localAddress the loopback address to connect from (127.0.0.2, ...), to act as another machine */
    public HttpsClient(int port, Path certificate, java.net.InetAddress localAddress) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry("console", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        // Timeouts here are hang guards, not expectations: on a CI machine busy with other builds a TLS handshake
        // or an Argon2 sign-in can take many seconds, and a test that means a limit asserts it itself.
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofMinutes(1))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        this.http = builder.build();
        this.base = "https://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    /** A GET with extra headers given as name, value pairs. */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path).headers(headers).GET().build());
    }

    /** A GET whose body is read as bytes (a PDF). */
    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> postText(String path, String text) throws Exception {
        return send(request(path).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
    }

    public HttpResponse<String> postBytes(String path, String contentType, byte[] body) throws Exception {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> postForm(String path, String form) throws Exception {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** A POST with any content type and extra headers given as name, value pairs. */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder builder = request(path).header("Content-Type", contentType);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("Set-Cookie").ifPresent(c -> {
            String pair = c.substring(0, c.indexOf(';'));
            cookie = pair.endsWith("=") ? null : pair;
        });
        return response;
    }

    /** The session cookie as sent ({@code name=value}), to carry it to another client. */
    public String cookie() {
        return cookie;
    }

    public void useCookie(String cookie) {
        this.cookie = cookie;
    }

    public void forgetCookie() {
        cookie = null;
    }
}
