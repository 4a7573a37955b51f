package io.vigil.agent.filter.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.filter.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page a browser shows instead of a blocked site: blocked names resolve to this server's address, so the
 * request arrives here with the blocked name in its Host header. It says which category, why in plain words,
 * and offers "ask for a review", which becomes a {@link io.vigil.agent.alert.ReviewRequestRecord} for the console.
 * Plain HTTP only (an HTTPS site shows the browser's own error: the agent holds no certificate for it).
 */
public final class BlockPageServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BlockPageServer.class);
    static final String REVIEW_PATH = "/vigil/review";
    private static final int MAX_FORM_BYTES = 4096;

    private final HttpServer server;
    private final FilterEngine engine;

    private BlockPageServer(HttpServer server, FilterEngine engine) {
        this.server = server;
        this.engine = engine;
    }

    public static BlockPageServer start(InetSocketAddress listen, FilterEngine engine) throws IOException {
        HttpServer http = HttpServer.create(listen, 16);
        BlockPageServer page = new BlockPageServer(http, engine);
        http.createContext("/", page::handle);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.start();
        log.info("block page on http://{}:{}/", listen.getHostString(), http.getAddress().getPort());
        return page;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (ex.getRequestMethod().equals("POST") && ex.getRequestURI().getPath().equals(REVIEW_PATH)) {
                review(ex);
            } else if (ex.getRequestMethod().equals("GET") || ex.getRequestMethod().equals("HEAD")) {
                String domain = host(ex);
                respond(ex, 403, BlockPageHtml.blocked(domain, engine.recentBlock(domain)));
            } else {
                respond(ex, 405, BlockPageHtml.message("Not allowed", "This page only shows why a site was blocked."));
            }
        }
    }

    private void review(HttpExchange ex) throws IOException {
        Map<String, String> form = form(ex.getRequestBody());
        String domain = form.getOrDefault("domain", "");
        Optional<Decision> block = engine.recentBlock(domain);
        if (block.isEmpty()) {
            // Only blocks this device really served can be reviewed: a page elsewhere cannot flood the console.
            respond(ex, 400, BlockPageHtml.message("Nothing to review",
                    "This device has not blocked " + domain + " recently, so there is nothing to review."));
            return;
        }
        engine.requestReview(domain, form.getOrDefault("comment", ""));
        respond(ex, 200, BlockPageHtml.message("Request sent",
                "Thank you. Your school will look at whether " + domain + " should be blocked."));
    }

    private static String host(HttpExchange ex) {
        String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("");
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            host = host.substring(0, colon);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES);
        Map<String, String> form = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void respond(HttpExchange ex, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
