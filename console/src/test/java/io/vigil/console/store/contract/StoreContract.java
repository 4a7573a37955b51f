package io.vigil.console.store.contract;

import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Scope;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What every repository contract needs from a backend: a freshly migrated, empty database. Each backend's
 * test class (H2 files, a real PostgreSQL server) provides it; the contracts hold the behaviour.
 */
public interface StoreContract {

    Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    /** An empty database the console's migrations have run on, fresh for each test. */
    DataSource dataSource();

    /** The school of {@code name}, created on first use. */
    default long school(String name) {
        var schools = new JdbcSchoolRepository(dataSource());
        return schools.school(name).orElseGet(() -> schools.createSchool(name, Optional.empty(), T0)).id();
    }

    /** A device of "Oak Primary". */
    default String device(String id, String hostname) {
        return device(id, hostname, "Oak Primary");
    }

    default String device(String id, String hostname, String schoolName) {
        new JdbcDeviceRepository(dataSource()).create(new Device(id, school(schoolName), schoolName,
                new DeviceFacts(hostname, "Linux", "6.1", "hw-" + id, "1.0"), "", T0, null), "0".repeat(64));
        return id;
    }

    /** Every school there is: the scope of a reader allowed to see everything (tests only). */
    default Scope everySchool() {
        return new Scope(new JdbcSchoolRepository(dataSource()).schools().stream().map(School::id)
                .collect(Collectors.toSet()));
    }

    static NewAlert alert(String deviceId, long sequence, String category, int severity, Instant occurredAt) {
        return new NewAlert(UUID.randomUUID().toString(), deviceId, sequence, category, severity, 10 * severity,
                List.of(category + ".1", category + ".2"), "snippet " + sequence, "chrome", "Chat - Google Chrome",
                "https://example.org/chat", "j.smith", occurredAt, "keyboard", "sha256:list");
    }

    /** Runs {@code tasks} copies of {@code task} released at the same instant; returns their results. */
    static <T> List<T> concurrently(int tasks, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
