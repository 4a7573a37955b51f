package io.vigil.agent.help.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.agent.help.HelpInbox;
import io.vigil.agent.help.HelpRequest;
import io.vigil.agent.notice.NoticeService;
import io.vigil.agent.policy.NoticeTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "Get help" page, served by the agent on 127.0.0.1 only, for the signed-in pupil.
 *
 * <p>Other people must not be able to send alerts in a pupil's name, nor read or accept their notice:
 * <ul>
 *   <li><b>Other local users</b> can reach a loopback port, so every path starts with a random per-session
 *       token (256 bits) that only the signed-in user is given (the notice window and tray icon open it; the
 *       agent also writes it to an owner-only file). A wrong token is answered 404, as if nothing were here.</li>
 *   <li><b>Web pages</b> the pupil visits can make the browser POST to loopback (CSRF): a POST whose
 *       {@code Origin} is anything but this page, or whose {@code Sec-Fetch-Site} says cross-site, is refused
 *       with 403. Pages cannot learn the token either: responses forbid framing and send no referrer to other sites.</li>
 *   <li><b>DNS rebinding</b> (a site's name re-pointed at 127.0.0.1) is refused by the Host check.</li>
 * </ul>
 */
public final class HelpPageServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HelpPageServer.class);
    /** A form with 500 characters of text, percent-encoded at worst, is under 5 KB. */
    private static final int MAX_BODY = 16 * 1024;
    private static final String SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";

    private final HelpInbox desk;
    private final Optional<NoticeService> notices;
    private final Supplier<String> user;
    private final String token;
    private HttpServer server;
    private ExecutorService executor;

    public HelpPageServer(HelpInbox desk, Optional<NoticeService> notices, Supplier<String> user, SecureRandom random) {
        this.desk = desk;
        this.notices = notices;
        this.user = user;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Listens on 127.0.0.1, on {@code port} (0: any free port). */
    public HelpPageServer start(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("vigil-help-page").daemon().factory());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    /** The page's address, token included: give it only to the signed-in user. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + token + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod();
            if (!hostIsLoopback(exchange)) {
                respond(exchange, 403, HelpPageHtml.problem("This page only opens from this computer."));
                return;
            }
            String rest = tokenPath(path);
            if (rest == null) {
                respond(exchange, 404, HelpPageHtml.problem("There is nothing here."));
                return;
            }
            if (method.equals("GET") && rest.isEmpty()) {
                respond(exchange, 200, HelpPageHtml.page("ask", pendingNotice(), "accept"));
            } else if (method.equals("POST") && (rest.equals("ask") || rest.equals("accept"))) {
                if (!sameOrigin(exchange)) {
                    log.warn("help page: refused a {} from another site (Origin {})", rest,
                            exchange.getRequestHeaders().getFirst("Origin"));
                    respond(exchange, 403, HelpPageHtml.problem("This form can only be sent from the help page."));
                    return;
                }
                if (rest.equals("ask")) {
                    ask(exchange);
                } else {
                    notices.ifPresent(n -> n.accept(user.get()));
                    respond(exchange, 200, HelpPageHtml.accepted());
                }
            } else {
                respond(exchange, 405, HelpPageHtml.problem("That is not something this page does."));
            }
        } catch (RuntimeException e) {
            log.error("help page failed", e);
        }
    }

    private void ask(HttpExchange exchange) throws IOException {
        Optional<FormBody> form = FormBody.read(exchange.getRequestBody(), MAX_BODY);
        if (form.isEmpty()) {
            respond(exchange, 413, HelpPageHtml.problem("That message is too long."));
            return;
        }
        Optional<HelpRequest> request = HelpRequest.byId(form.get().value("kind"));
        if (request.isEmpty()) {
            respond(exchange, 400, HelpPageHtml.problem("Please choose what you would like to do."));
            return;
        }
        try {
            desk.ask(request.get(), form.get().value("words"));
        } catch (IllegalArgumentException e) {
            respond(exchange, 400, HelpPageHtml.problem(e.getMessage()));
            return;
        } catch (java.io.UncheckedIOException e) {
            log.error("help page: the request could not be handed on: {}", e.getMessage());
            respond(exchange, 503, HelpPageHtml.problem("Your message could not be sent just now. Please try again, "
                    + "or talk to a member of staff you trust."));
            return;
        }
        respond(exchange, 200, HelpPageHtml.sent());
    }

    private Optional<NoticeTexts.Notice> pendingNotice() {
        String who = user.get();
        return notices.filter(n -> n.needsAcceptance(who)).map(n -> n.noticeFor(who));
    }

    /** The path after a correct token ("" for the page itself), or null for any other path. */
    private String tokenPath(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        int slash = path.indexOf('/', 1);
        String given = slash < 0 ? path.substring(1) : path.substring(1, slash);
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return slash < 0 ? "" : path.substring(slash + 1);
    }

    private boolean hostIsLoopback(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = port();
        return host != null && (host.equals("127.0.0.1:" + port) || host.equals("localhost:" + port));
    }

    /** Browsers send Origin with every form POST; a tool without one must still know the token. */
    private boolean sameOrigin(HttpExchange exchange) {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        int port = port();
        if (origin != null && !origin.equals("http://127.0.0.1:" + port) && !origin.equals("http://localhost:" + port)) {
            return false;
        }
        String site = exchange.getRequestHeaders().getFirst("Sec-Fetch-Site");
        return site == null || site.equals("same-origin") || site.equals("none");
    }

    private static void respond(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Security-Policy", SECURITY_POLICY);
        headers.set("X-Frame-Options", "DENY");
        // Not "no-referrer": Chromium then sends "Origin: null" with the page's own form posts, which the origin
        // check must refuse. "same-origin" still sends nothing (so not the token) to Childline, CEOP or anyone else.
        headers.set("Referrer-Policy", "same-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    /** An {@code application/x-www-form-urlencoded} body, read up to a limit. */
    private record FormBody(java.util.Map<String, String> values) {

        static Optional<FormBody> read(InputStream in, int max) throws IOException {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                return Optional.empty();
            }
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String pair : new String(bytes, StandardCharsets.US_ASCII).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            return Optional.of(new FormBody(values));
        }

        String value(String name) {
            return values.getOrDefault(name, "");
        }

        private static String decode(String s) {
            try {
                return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
    }
}
