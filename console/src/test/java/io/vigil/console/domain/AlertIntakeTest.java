package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertIntakeTest {

    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());

    /** Only storeAll is used by the intake; the first call waits, so the alerts sent meanwhile form one batch. */
    private final AlertRepository alerts = (AlertRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {AlertRepository.class}, (proxy, method, args) -> {
                if (!method.getName().equals("storeAll")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                List<?> batch = (List<?>) args[0];
                firstBatchStarted.countDown();
                assertTrue(releaseFirstBatch.await(2, TimeUnit.MINUTES), "hang guard");
                batchSizes.add(batch.size());
                return Collections.nCopies(batch.size(), true);
            });
    private final ScreenshotRepository noScreenshots = (ScreenshotRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {ScreenshotRepository.class}, (proxy, method, args) -> {
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void anActionRegisteredByEveryAlertOfABatchRunsOnceAfterTheWholeBatchIsComplete() throws Exception {
        try (AlertIntake intake = new AlertIntake(alerts, noScreenshots, Clock.systemUTC())) {
            CompletableFuture<Boolean> blocker = intake.submit(alert(1), Optional.empty());
            assertTrue(firstBatchStarted.await(2, TimeUnit.MINUTES), "hang guard");
            AtomicInteger completedWhenFlushed = new AtomicInteger(-1);
            AtomicInteger completed = new AtomicInteger();
            AtomicInteger flushes = new AtomicInteger();
            Runnable flush = () -> {
                flushes.incrementAndGet();
                completedWhenFlushed.set(completed.get());
            };
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int s = 2; s <= 11; s++) {
                batch.add(intake.submit(alert(s), Optional.empty()).whenComplete((kept, failure) -> {
                    completed.incrementAndGet();
                    intake.afterBatch(flush);
                }));
            }
            releaseFirstBatch.countDown();
            CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            blocker.get(2, TimeUnit.MINUTES);
            // allOf completes inside the last callback, before the writer runs the action: wait for the action too.
            CompletableFuture<Void> after = new CompletableFuture<>();
            intake.submit(alert(12), Optional.empty()).whenComplete((k, f) -> intake.afterBatch(() -> after.complete(null)));
            after.get(2, TimeUnit.MINUTES);

            assertEquals(List.of(1, 10, 1), batchSizes, "the ten alerts sent during the first write formed one batch");
            assertEquals(1, flushes.get(), "one action for the ten alerts of the batch");
            assertEquals(10, completedWhenFlushed.get(), "it ran after every alert of the batch had completed");
        }
    }

    @Test
    void outsideABatchTheActionRunsAtOnce() throws Exception {
        releaseFirstBatch.countDown();
        try (AlertIntake intake = new AlertIntake(alerts, noScreenshots, Clock.systemUTC())) {
            AtomicInteger runs = new AtomicInteger();
            intake.afterBatch(runs::incrementAndGet);
            assertEquals(1, runs.get());
        }
    }

    private static NewAlert alert(long sequence) {
        return new NewAlert(UUID.randomUUID().toString(), "device-1", sequence, "bullying", 3, 10, List.of("b.1"),
                "snippet", "app", "window", "", "pupil", Instant.parse("2026-12-02T08:45:00Z"), "typed", "v1", "en");
    }
}
