package io.vigil.console.bench;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertSearch;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Scope;
import io.vigil.console.search.AlertIndexer;
import io.vigil.console.search.LuceneAlertIndex;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Load generator for the console's store and search: N synthetic alerts across S schools, then the inbox and
 * text queries a DSL makes, timed end to end through the console's own classes (no HTTP, so the figures are
 * the store and index alone). Each backend gets the same data from the same seed:
 *
 * <ul>
 *   <li>{@code h2}: embedded H2 + this node's Lucene index (the default install)</li>
 *   <li>{@code pg}: PostgreSQL + Lucene (the scale-out install)</li>
 *   <li>{@code pgfts}: PostgreSQL full-text search (tsvector + GIN) instead of Lucene, for comparison</li>
 * </ul>
 *
 * Beside each it runs the previous release's inbox query shape (join devices first, sort everything) on the
 * same rows as the baseline. Run with {@code bench/console-inbox.sh}; not a test, never part of the build.
 */
public final class ConsoleLoadBenchmark {

    private static final CategoryCatalog CATEGORIES = new CategoryCatalog(Arrays.stream(SyntheticAlerts.CATEGORIES)
            .map(c -> new CategoryCatalog.Category(c, c.replace('_', ' '))).toList());
    private static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

    private final Options options;
    private final Map<String, Map<String, String>> results = new LinkedHashMap<>();

    record Options(long alerts, int schools, int ingestSample, int iterations, List<String> backends, Path work,
                   String pgUrl, String pgUser, String pgPassword) {
    }

    private ConsoleLoadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options options = new Options(Long.parseLong(a.getOrDefault("alerts", "1000000")),
                Integer.parseInt(a.getOrDefault("schools", "20")),
                Integer.parseInt(a.getOrDefault("ingest-sample", "20000")),
                Integer.parseInt(a.getOrDefault("iterations", "200")),
                List.of(a.getOrDefault("backends", "h2,pg,pgfts").split(",")),
                Path.of(a.getOrDefault("work", "console/target/bench")),
                a.get("pg-url"), a.getOrDefault("pg-user", System.getenv("VIGIL_DB_USER")),
                a.getOrDefault("pg-password", System.getenv("VIGIL_DB_PASSWORD")));
        new ConsoleLoadBenchmark(options).run();
    }

    private void run() throws Exception {
        Files.createDirectories(options.work());
        for (String backend : options.backends()) {
            switch (backend) {
                case "h2" -> runH2();
                case "pg" -> runPostgres(options.backends().contains("pgfts"));
                case "pgfts" -> {
                    if (!options.backends().contains("pg")) {
                        runPostgres(true);
                    }
                }
                default -> throw new IllegalArgumentException("unknown backend " + backend);
            }
        }
        report();
    }

    private void runH2() throws Exception {
        Path dir = Files.createTempDirectory(options.work(), "h2-");
        String url = "jdbc:h2:file:" + dir.resolve("console").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        var pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "vigil", "bench");
        pool.setMaxConnections(8);
        try {
            measure("H2 + Lucene", pool, dir, null);
        } finally {
            pool.dispose();
        }
    }

    /**
     * One PostgreSQL database, loaded once: measured with this node's Lucene index, then (with
     * {@code alsoFullText}) again with a tsvector column and GIN index on the very same rows.
     */
    private void runPostgres(boolean alsoFullText) throws Exception {
        if (options.pgUrl() == null) {
            System.err.println("skipping PostgreSQL: no --pg-url (bench/console-inbox.sh starts a server)");
            return;
        }
        String database = "vigil_bench";
        try (Connection admin = java.sql.DriverManager.getConnection(options.pgUrl(), options.pgUser(),
                options.pgPassword()); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
        String url = options.pgUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
        // Pooled as the console pools it (H2's pool over pgjdbc's pooled data source): a new backend process
        // per statement would measure PostgreSQL's connection start-up, not the store.
        var pooled = new org.postgresql.ds.PGConnectionPoolDataSource();
        pooled.setURL(url);
        pooled.setUser(options.pgUser());
        pooled.setPassword(options.pgPassword());
        var source = org.h2.jdbcx.JdbcConnectionPool.create(pooled);
        source.setMaxConnections(8);
        // Its connections open only after the tsvector column exists: pgjdbc's cached plans for "select a.*"
        // on the first pool would refuse the changed row type.
        var afterFullText = org.h2.jdbcx.JdbcConnectionPool.create(pooled);
        Path dir = Files.createTempDirectory(options.work(), "pg-");
        try {
            measure("PostgreSQL + Lucene", source, dir, alsoFullText ? afterFullText : null);
        } finally {
            source.dispose();
            afterFullText.dispose();
        }
    }

    private void measure(String name, DataSource source, Path dir, DataSource thenDatabaseFullText) throws Exception {
        System.err.printf("%n== %s: %,d alerts, %d schools%n", name, options.alerts(), options.schools());
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        long[] schoolIds = seedSchoolsAndDevices(source);
        Map<String, String> row = new LinkedHashMap<>();
        results.put(name, row);

        var repository = new JdbcAlertRepository(source);
        var outbox = new JdbcIndexOutbox(source, Clock.systemUTC());
        outbox.register("bench-node-registered-early");
        SyntheticAlerts generator = new SyntheticAlerts(42, options.schools(), END);
        int sample = (int) Math.min(options.ingestSample(), options.alerts());
        long start = System.nanoTime();
        for (long n = 0; n < sample; n++) {
            repository.storeOnce(newAlert(generator.next(n)), END);
        }
        double ingestSeconds = (System.nanoTime() - start) / 1e9;
        row.put("ingest (stored+acked one by one, alerts/s)", String.format("%,.0f", sample / ingestSeconds));
        System.err.printf("ingest: %,d alerts in %.1f s%n", sample, ingestSeconds);
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from index_outbox");
            s.execute("delete from console_nodes");
        }

        start = System.nanoTime();
        bulkLoad(source, generator, sample, schoolIds);
        System.err.printf("bulk load to %,d: %.0f s%n", options.alerts(), (System.nanoTime() - start) / 1e9);
        analyze(source);

        start = System.nanoTime();
        try (LuceneAlertIndex lucene = LuceneAlertIndex.open(dir.resolve("index"), CATEGORIES);
             AlertIndexer indexer = new AlertIndexer(repository, outbox, lucene)) {
            indexer.prepare();
            indexer.catchUp();
            row.put("search index build (s)", String.format("%.0f", (System.nanoTime() - start) / 1e9));
            queries(new AlertSearch(repository, indexer), row, source, schoolIds);
        }
        if (thenDatabaseFullText != null) {
            Map<String, String> fullText = new LinkedHashMap<>();
            results.put("PostgreSQL full-text (tsvector/GIN), same rows", fullText);
            System.err.printf("%n== PostgreSQL full-text search on the same rows%n");
            fullText.put("ingest (stored+acked one by one, alerts/s)", row.get(
                    "ingest (stored+acked one by one, alerts/s)") + " (same store)");
            start = System.nanoTime();
            new PostgresFullText(source).build();
            fullText.put("search index build (s)", String.format("%.0f", (System.nanoTime() - start) / 1e9));
            queries(new AlertSearch(new JdbcAlertRepository(thenDatabaseFullText),
                    new PostgresFullText(thenDatabaseFullText)), fullText, thenDatabaseFullText, schoolIds);
        }
    }

    private void queries(AlertSearch search, Map<String, String> row, DataSource source, long[] schoolIds) {
        {
            Scope[] one = Arrays.stream(schoolIds).mapToObj(Scope::of).toArray(Scope[]::new);
            var rotating = new Rotating(one.length);
            row.put("inbox, one school, status new, page 1", latency(() -> search.find(AlertQuery.in(one[rotating.next()])
                    .status(AlertStatus.NEW).build()).total()));
            row.put("inbox, one school, status new, page 200", latency(() -> search.find(AlertQuery.in(one[rotating.next()])
                    .status(AlertStatus.NEW).offset(199 * AlertQuery.DEFAULT_LIMIT).build()).total()));
            row.put("inbox, one school, all statuses, page 1", latency(() -> search.find(AlertQuery.in(one[rotating.next()])
                    .build()).total()));
            row.put("text 'knife', one school, severity 3+", latency(() -> search.find(AlertQuery.in(one[rotating.next()])
                    .text("knife").minSeverity(3).build()).total()));
            row.put("text 'knife', one school, severity 3+, page 20", latency(() -> search.find(AlertQuery.in(
                    one[rotating.next()]).text("knife").minSeverity(3).offset(19 * AlertQuery.DEFAULT_LIMIT).build())
                    .total()));
            row.put("text '" + SyntheticAlerts.RARE_WORD + "' (rare), one school", latency(() -> search.find(
                    AlertQuery.in(one[rotating.next()]).text(SyntheticAlerts.RARE_WORD).build()).total()));
            row.put("text 'school' (common), whole trust, new", latency(() -> search.find(AlertQuery.in(
                    new Scope(java.util.Set.of(Arrays.stream(schoolIds).boxed().toArray(Long[]::new))))
                    .text("school").status(AlertStatus.NEW).build()).total()));
            row.put("baseline: previous inbox query shape, one school, new, page 1", baselineLatency(source, schoolIds));
        }
    }

    /** Cycles through schools so that no single school's pages stay hot in a cache. */
    private static final class Rotating {
        private final int size;
        private int next;

        Rotating(int size) {
            this.size = size;
        }

        int next() {
            next = (next + 1) % size;
            return next;
        }
    }

    private String latency(LongSupplier query) {
        for (int i = 0; i < Math.max(10, options.iterations() / 10); i++) {
            query.getAsLong();
        }
        long[] nanos = new long[options.iterations()];
        long total = 0;
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            total = query.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String result = String.format("p50 %.1f ms, p95 %.1f ms", nanos[nanos.length / 2] / 1e6,
                nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6);
        System.err.printf("  %s (last total %,d)%n", result, total);
        return result;
    }

    /**
     * The inbox query of the previous release: join alerts to devices, then filter, sort and cut one page.
     * It ignored school (there were none), so it is given the school filter here to answer the same question.
     */
    private String baselineLatency(DataSource source, long[] schoolIds) {
        String sql = """
                select a.*, d.hostname from alerts a join devices d on d.id = a.device_id
                where a.school_id = ? and a.status = 'new'
                order by a.severity desc, a.occurred_at desc, a.id desc limit 50""";
        long[] nanos = new long[Math.max(3, Math.min(10, options.iterations() / 20))];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            try (Connection c = source.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, schoolIds[i % schoolIds.length]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getString("snippet");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String result = String.format("p50 %.1f ms, p95 %.1f ms (%d runs)", nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length - 1] / 1e6, nanos.length);
        System.err.println("  baseline " + result);
        return result;
    }

    private long[] seedSchoolsAndDevices(DataSource source) throws SQLException {
        long[] ids = new long[options.schools()];
        try (Connection c = source.getConnection()) {
            for (int s = 0; s < options.schools(); s++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into schools (name, created_at) values (?, ?)", new String[] {"id"})) {
                    ps.setString(1, "School " + s);
                    ps.setObject(2, END.atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids[s] = keys.getLong(1);
                    }
                }
                for (int d = 0; d < SyntheticAlerts.DEVICES_PER_SCHOOL; d++) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            insert into devices (id, school_id, hostname, os_name, os_version, hardware_id,
                                                 agent_version, credential_hash, enrolled_at)
                            values (?, ?, ?, 'Windows', '11', '', '0.1.0', ?, ?)""")) {
                        ps.setString(1, deviceId(s, d));
                        ps.setLong(2, ids[s]);
                        ps.setString(3, "S" + s + "-LAPTOP-" + d);
                        ps.setString(4, "0".repeat(64));
                        ps.setObject(5, END.atOffset(ZoneOffset.UTC));
                        ps.executeUpdate();
                    }
                }
            }
        }
        return ids;
    }

    private static String deviceId(int school, int device) {
        return "device-" + school + "-" + device;
    }

    private static NewAlert newAlert(SyntheticAlerts.Alert a) {
        return new NewAlert(a.uuid(), deviceId(a.school(), a.device()), 1, a.category(), a.severity(), 10,
                List.of(a.category() + ".1"), a.snippet(), "chrome", "Chat", "", a.user(), a.occurredAt(),
                "keyboard", "bench");
    }

    private void bulkLoad(DataSource source, SyntheticAlerts generator, long from, long[] schoolIds)
            throws SQLException {
        try (Connection c = source.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                copyLoad(c, generator, from, schoolIds);
                return;
            }
        }
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into alerts (uuid, device_id, school_id, sequence, category, severity, score, rule_ids,
                                        snippet, app, window_title, url, username, occurred_at, received_at,
                                        source, list_version, status)
                    values (?, ?, ?, ?, ?, ?, 10, ?, ?, 'chrome', 'Chat', '', ?, ?, ?, 'keyboard', 'bench', ?)""")) {
                for (long n = from; n < options.alerts(); n++) {
                    var a = generator.next(n);
                    ps.setString(1, a.uuid());
                    ps.setString(2, deviceId(a.school(), a.device()));
                    ps.setLong(3, schoolIds[a.school()]);
                    ps.setLong(4, n + 1);
                    ps.setString(5, a.category());
                    ps.setInt(6, a.severity());
                    ps.setString(7, a.category() + ".1");
                    ps.setString(8, a.snippet());
                    ps.setString(9, a.user());
                    ps.setObject(10, a.occurredAt().atOffset(ZoneOffset.UTC));
                    ps.setObject(11, END.atOffset(ZoneOffset.UTC));
                    ps.setString(12, a.status());
                    ps.addBatch();
                    if ((n + 1) % 5_000 == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                    if ((n + 1) % 100_000 == 0) {
                        System.err.printf("  loaded %,d%n", n + 1);
                    }
                }
                ps.executeBatch();
                c.commit();
            }
        }
    }

    /** PostgreSQL's COPY: the same rows as the batch insert, loaded in a fraction of the time. */
    private void copyLoad(Connection c, SyntheticAlerts generator, long from, long[] schoolIds) throws SQLException {
        try {
            var copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            String sql = """
                    copy alerts (uuid, device_id, school_id, sequence, category, severity, score, rule_ids, snippet,
                                 app, window_title, url, username, occurred_at, received_at, source, list_version,
                                 status) from stdin with (format csv)""";
            String received = END.toString();
            for (long n = from; n < options.alerts(); ) {
                StringBuilder chunk = new StringBuilder();
                long end = Math.min(options.alerts(), n + 50_000);
                for (; n < end; n++) {
                    var a = generator.next(n);
                    chunk.append(a.uuid()).append(',').append(deviceId(a.school(), a.device())).append(',')
                            .append(schoolIds[a.school()]).append(',').append(n + 1).append(',')
                            .append(a.category()).append(',').append(a.severity()).append(",10,")
                            .append(a.category()).append(".1,\"").append(a.snippet()).append("\",chrome,Chat,\"\",")
                            .append(a.user()).append(',').append(a.occurredAt()).append(',').append(received)
                            .append(",keyboard,bench,").append(a.status()).append('\n');
                }
                copy.copyIn(sql, new java.io.StringReader(chunk.toString()));
                if (n % 100_000 == 0) {
                    System.err.printf("  copied %,d%n", n);
                }
            }
        } catch (java.io.IOException e) {
            throw new SQLException(e);
        }
    }

    private static void analyze(DataSource source) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    private void report() {
        StringBuilder md = new StringBuilder();
        List<String> names = new ArrayList<>(results.keySet());
        md.append("| ").append(String.format(Locale.ROOT, "%,d alerts, %d schools", options.alerts(),
                options.schools())).append(" | ").append(String.join(" | ", names)).append(" |\n");
        md.append("|---|").append("---|".repeat(names.size())).append('\n');
        List<String> metrics = results.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        for (String metric : metrics) {
            md.append("| ").append(metric);
            for (String name : names) {
                md.append(" | ").append(results.get(name).getOrDefault(metric, "–"));
            }
            md.append(" |\n");
        }
        System.out.println();
        System.out.print(md);
    }
}
