package io.vigil.console.config;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * How urgent alerts reach people, read from the file given to {@code serve --notify-config}: the school's mail
 * server and an optional webhook. Every problem fails the start with a message naming the key, because a console
 * that silently emails nobody is worse than one that refuses to start.
 *
 * @param smtp       the mail server, if email is configured
 * @param webhook    the webhook to POST to, if configured
 * @param consoleUrl the address staff open the console at, for links; empty means the console's own address
 */
public record NotifyConfig(Optional<Smtp> smtp, Optional<URI> webhook, Optional<String> consoleUrl) {

    /** How to talk to the mail server. {@code password} never appears in {@link #toString()}. */
    public record Smtp(String host, int port, Security security, Optional<String> username, Optional<String> password,
                       String from) {
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + " " + security + username.map(u -> " as " + u).orElse("") + "]";
        }
    }

    /** STARTTLS upgrade (submission, 587), implicit TLS (465), or none (only to a server on this machine). */
    public enum Security { STARTTLS, TLS, NONE }

    private static final Set<String> KEYS = Set.of("smtp.host", "smtp.port", "smtp.security", "smtp.username",
            "smtp.password", "smtp.from", "webhook.url", "console.url");

    public static NotifyConfig load(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConsoleException("--notify-config: cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(p, file.toString());
    }

    static NotifyConfig parse(Properties p, String source) {
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw problem(source, unknown.iterator().next(), "is not a setting (known: " + new TreeSet<>(KEYS) + ")");
        }
        Optional<Smtp> smtp = value(p, "smtp.host").map(host -> smtp(p, source, host));
        if (smtp.isEmpty()) {
            for (String key : KEYS) {
                if (key.startsWith("smtp.") && value(p, key).isPresent()) {
                    throw problem(source, "smtp.host", "is missing, but " + key + " is set");
                }
            }
        }
        Optional<URI> webhook = value(p, "webhook.url").map(url -> webhook(source, url));
        if (smtp.isEmpty() && webhook.isEmpty()) {
            throw problem(source, "smtp.host", "is missing: set smtp.host (email) or webhook.url, or both");
        }
        Optional<String> consoleUrl = value(p, "console.url").map(url -> {
            URI uri = uri(source, "console.url", url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw problem(source, "console.url", "must be the https:// address staff open the console at");
            }
            return url;
        });
        return new NotifyConfig(smtp, webhook, consoleUrl);
    }

    private static Smtp smtp(Properties p, String source, String host) {
        Security security;
        try {
            security = Security.valueOf(value(p, "smtp.security").orElse("starttls").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(source, "smtp.security", "must be starttls, tls or none, not '"
                    + p.getProperty("smtp.security").strip() + "'");
        }
        if (security == Security.NONE && !isLoopback(host)) {
            throw problem(source, "smtp.security", "none is only allowed for a mail server on this machine, not "
                    + host + ": use starttls or tls");
        }
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
        int port = value(p, "smtp.port").map(v -> port(source, v)).orElse(defaultPort);
        Optional<String> user = value(p, "smtp.username");
        Optional<String> password = value(p, "smtp.password");
        if (user.isPresent() != password.isPresent()) {
            throw problem(source, user.isPresent() ? "smtp.password" : "smtp.username",
                    "is missing: give smtp.username and smtp.password together, or neither");
        }
        String from = value(p, "smtp.from").orElseThrow(() -> problem(source, "smtp.from",
                "is missing: the address urgent-alert emails come from"));
        if (!from.matches("[^@\\s]+@[^@\\s]+")) {
            throw problem(source, "smtp.from", "'" + from + "' is not an email address");
        }
        return new Smtp(host, port, security, user, password, from);
    }

    private static URI webhook(String source, String url) {
        URI uri = uri(source, "webhook.url", url);
        boolean https = "https".equals(uri.getScheme());
        boolean localHttp = "http".equals(uri.getScheme()) && uri.getHost() != null && isLoopback(uri.getHost());
        if (uri.getHost() == null || !(https || localHttp)) {
            throw problem(source, "webhook.url", "must be an https:// address (http only to this machine), not '"
                    + url + "'");
        }
        return uri;
    }

    private static URI uri(String source, String key, String url) {
        try {
            return new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw problem(source, key, "'" + url + "' is not an address: " + e.getReason());
        }
    }

    private static int port(String source, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw problem(source, "smtp.port", "'" + value + "' is not a port number (1-65535)");
    }

    /** Only a literal loopback name or address: a DNS name that happens to resolve to 127.0.0.1 does not count. */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> value(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static ConsoleException problem(String source, String key, String what) {
        return new ConsoleException("--notify-config " + source + ": " + key + " " + what);
    }
}
