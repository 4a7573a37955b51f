package io.vigil.filter.format;

import io.vigil.filter.match.DomainNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one category list file into entries. Bad lines are returned, not thrown: third-party lists always carry
 * some junk, and the caller decides whether junk is fatal (illegal lists) or a notice (category lists).
 */
final class ListImporter {

    /** A usable line: a domain pattern, or a URL whose path DNS cannot see ({@code url} true). */
    record Entry(int line, String value, boolean url) {
    }

    record BadLine(int line, String problem) {
    }

    record Result(List<Entry> entries, List<BadLine> bad) {
    }

    /** Names hosts files map to themselves, not blocked sites. */
    private static final Set<String> HOSTS_NOISE = Set.of("localhost", "localhost.localdomain", "local",
            "broadcasthost", "ip6-localhost", "ip6-loopback", "ip6-localnet", "ip6-mcastprefix", "ip6-allnodes",
            "ip6-allrouters", "ip6-allhosts", "0.0.0.0");

    private ListImporter() {
    }

    static Result hosts(String text) {
        Result r = new Result(new ArrayList<>(), new ArrayList<>());
        forEachLine(text, (n, line) -> {
            String[] f = line.split("\\s+");
            if (f.length < 2) {
                r.bad().add(new BadLine(n, "hosts line needs an address and a name"));
                return;
            }
            for (int i = 1; i < f.length; i++) {
                String name = DomainNames.normalise(f[i]);
                if (!HOSTS_NOISE.contains(name)) {
                    addDomain(r, n, name);
                }
            }
        });
        return r;
    }

    static Result domains(String text) {
        Result r = new Result(new ArrayList<>(), new ArrayList<>());
        forEachLine(text, (n, line) -> {
            String v = line;
            if (v.startsWith("||") && v.endsWith("^")) {
                v = v.substring(2, v.length() - 1);
            }
            addDomain(r, n, DomainNames.normalise(v));
        });
        return r;
    }

    /**
     * Entries that may be URLs (illegal lists, squidGuard {@code urls} files): {@code http://host/path},
     * {@code host/path}. A URL with an empty path is its host; any other URL is kept as a URL entry.
     */
    static Result domainsOrUrls(String text) {
        Result r = new Result(new ArrayList<>(), new ArrayList<>());
        forEachLine(text, (n, line) -> {
            String rest = line.replaceFirst("^(?i)https?://", "");
            int slash = rest.indexOf('/');
            String host = DomainNames.normalise(slash < 0 ? rest : rest.substring(0, slash));
            int colon = host.indexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
            String path = slash < 0 ? "" : rest.substring(slash);
            String problem = DomainNames.problem(host);
            if (problem != null) {
                r.bad().add(new BadLine(n, problem));
            } else if (path.isEmpty() || path.equals("/")) {
                r.entries().add(new Entry(n, host, false));
            } else {
                r.entries().add(new Entry(n, line, true));
            }
        });
        return r;
    }

    private static void addDomain(Result r, int n, String name) {
        String bare = name.startsWith("*.") ? name.substring(2) : name.startsWith("=") ? name.substring(1) : name;
        String problem = DomainNames.problem(bare);
        if (problem != null) {
            r.bad().add(new BadLine(n, problem));
        } else {
            r.entries().add(new Entry(n, name, false));
        }
    }

    interface LineHandler {
        void line(int number, String content);
    }

    /** Calls {@code handler} for each line with content, comments ({@code #}, {@code !}) and blanks removed. */
    static void forEachLine(String text, LineHandler handler) {
        int n = 0;
        for (String raw : text.split("\r?\n", -1)) {
            n++;
            String line = raw;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("!")) {
                continue;
            }
            handler.line(n, line);
        }
    }
}
