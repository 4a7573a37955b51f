package io.vigil.console.bench;

import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Schools;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What making an acknowledged alert survive a power cut costs, on the disk under the data directory: the raw
 * 4 KB write + fsync, then the console's own alert store (embedded H2) writing alerts one transaction each and
 * in group-commit batches, with the sync ({@code CHECKPOINT SYNC}) and without it (the same code with the sync
 * turned into a plain flush, which survives kill -9 but not a power cut). Prints a Markdown table.
 * Usage: FsyncCostBenchmark DIR [ALERTS]
 */
public final class FsyncCostBenchmark {

    private FsyncCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int alerts = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        Files.createDirectories(dir);
        System.out.printf("raw 4 KB write + fsync on %s: %.2f ms%n%n", dir, rawFsyncMillis(dir.resolve("probe")));
        System.out.println("| writes | sync to disk | alerts/s | fsyncs |");
        System.out.println("|---|---|---|---|");
        for (int batch : new int[] {1, 10, 100, 1000}) {
            for (boolean sync : new boolean[] {false, true}) {
                Path data = dir.resolve("h2-" + batch + "-" + sync);
                double rate = storeRate(data, alerts, batch, sync);
                System.out.printf("| %s | %s | %,.0f | %,d |%n", batch == 1 ? "one transaction per alert"
                        : "batches of " + batch, sync ? "yes (CHECKPOINT SYNC)" : "no (flush only)", rate,
                        sync ? (alerts + batch - 1) / batch : 0);
            }
        }
    }

    private static double rawFsyncMillis(Path file) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            int rounds = 200;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                block.clear();
                ch.write(block, (i % 16) * 4096L);
                ch.force(false);
            }
            return (System.nanoTime() - start) / 1e6 / rounds;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double storeRate(Path data, int alerts, int batch, boolean sync) throws Exception {
        Files.createDirectories(data);
        try (Database db = Database.open(data)) {
            DataSource source = sync ? db.dataSource() : withoutSync(db.dataSource());
            long school = new Schools(new JdbcSchoolRepository(source), Clock.systemUTC())
                    .addSchool("Bench School", Optional.empty()).id();
            var devices = new JdbcDeviceRepository(source);
            devices.create(new io.vigil.console.domain.Device("dev-1", school, "Bench School",
                    new DeviceFacts("LAPTOP", "Linux", "6.1", "", "bench", ""), "", Instant.now(), null), "a".repeat(64));
            var repository = new JdbcAlertRepository(source);
            List<NewAlert> all = new ArrayList<>();
            for (int s = 1; s <= alerts; s++) {
                all.add(new NewAlert(UUID.randomUUID().toString(), "dev-1", s, "bullying", 3, 10, List.of("b.1"),
                        "bench snippet " + s, "chrome", "Chat", "", "j.smith", Instant.now(), "keyboard", "sha256:x"));
            }
            long start = System.nanoTime();
            for (int from = 0; from < all.size(); from += batch) {
                List<NewAlert> part = all.subList(from, Math.min(all.size(), from + batch));
                if (batch == 1) {
                    repository.storeOnce(part.getFirst(), Instant.now());
                } else {
                    repository.storeAll(part, Instant.now());
                }
            }
            return alerts / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The same data source, with the store's {@code CHECKPOINT SYNC} turned into a plain {@code CHECKPOINT}. */
    private static DataSource withoutSync(DataSource source) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, source, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private static Connection connection(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, c, args);
                    return result instanceof Statement s && method.getName().equals("createStatement")
                            ? statement(s) : result;
                });
    }

    private static Statement statement(Statement s) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("execute") && args != null && args.length == 1
                            && "checkpoint sync".equals(args[0])) {
                        args = new Object[] {"checkpoint"};
                    }
                    return invoke(method, s, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
