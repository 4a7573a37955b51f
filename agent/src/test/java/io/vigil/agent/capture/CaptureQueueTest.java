package io.vigil.agent.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CaptureQueueTest {

    @Test
    void eventsFromSeveralSourcesReachTheConsumerInOneOrderOnOneThread() throws Exception {
        List<CaptureEvent> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        try (CaptureQueue queue = new CaptureQueue(e -> {
            seen.add(e);
            threads.add(Thread.currentThread().getName());
        })) {
            queue.start();
            Thread windows = Thread.ofPlatform().start(() -> queue.offer(new WindowFocused("Chat", "teams")));
            windows.join();
            Thread keyboard = Thread.ofPlatform().start(() -> "hi".chars().forEach(c -> queue.offer(new KeyTyped((char) c))));
            keyboard.join();
            queue.barrier().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(new WindowFocused("Chat", "teams"), new KeyTyped('h'), new KeyTyped('i')), seen);
        assertEquals(List.of("vigil-capture"), threads.stream().distinct().toList());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlockingTheHook() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (CaptureQueue queue = new CaptureQueue(e -> {
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }, 3)) {
            queue.start();
            for (int i = 0; i < 10; i++) {
                queue.offer(new KeyTyped('x')); // must return at once even though the consumer is stuck
            }
            release.countDown();
            assertEquals(true, queue.dropped() >= 6, "dropped " + queue.dropped());
        }
    }

    @Test
    void aFailingEventDoesNotStopTheQueue() throws Exception {
        List<CaptureEvent> seen = new CopyOnWriteArrayList<>();
        try (CaptureQueue queue = new CaptureQueue(e -> {
            if (e instanceof KeyBackspace) {
                throw new IllegalStateException("boom");
            }
            seen.add(e);
        })) {
            queue.start();
            queue.offer(new KeyBackspace());
            queue.offer(new LineBreak());
            queue.barrier().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(new LineBreak()), seen);
    }
}
