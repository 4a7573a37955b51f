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
            queue.barrier().get(2, TimeUnit.MINUTES);
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
            queue.barrier().get(2, TimeUnit.MINUTES);
        }
        assertEquals(List.of(new LineBreak()), seen);
    }

    /** Answers looks from a script; "no change" once the script is used up. */
    private static final class ScriptedProbe implements FocusProbe {
        final java.util.concurrent.BlockingQueue<WindowFocused> answers = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public java.util.Optional<WindowFocused> lookNow() {
            return java.util.Optional.ofNullable(answers.poll());
        }
    }

    private static final WindowFocused SIGN_IN = new WindowFocused("Sign in - Google Accounts", "chrome");
    private static final WindowFocused CHAT = new WindowFocused("Chat", "discord");

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // a hang guard; the condition ends it
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 2 min");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void keysTypedInASignInWindowBeforeALookFindsTheChatStayWithTheSignInWindow() throws Exception {
        List<CaptureEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch firstKeyHandled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScriptedProbe probe = new ScriptedProbe();
        probe.answers.add(SIGN_IN);
        try (CaptureQueue queue = new CaptureQueue(e -> {
            seen.add(e);
            if (e instanceof KeyTyped) {
                firstKeyHandled.countDown();
                try {
                    release.await(); // matching is slow for a moment: the next keys wait in the queue
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            queue.watchFocus(probe, java.time.Duration.ofMillis(20), w -> w.title().startsWith("Sign in"));
            queue.start();
            await(() -> seen.contains(SIGN_IN));
            queue.offer(new KeyTyped('p'));
            firstKeyHandled.await(2, TimeUnit.MINUTES);
            queue.offer(new KeyTyped('w'));
            queue.offer(new LineBreak());
            probe.answers.add(CHAT); // the pupil switched to the chat; the next look sees it
            release.countDown();
            await(() -> seen.contains(CHAT));
            queue.barrier().get(2, TimeUnit.MINUTES);
        }
        assertEquals(List.of(SIGN_IN, new KeyTyped('p'), new KeyTyped('w'), new LineBreak(), CHAT), seen,
                "keys typed before the switch must not be handed over after it");
    }

    @Test
    void theFirstKeyAfterAPauseIsLookedAtAndGoesToTheSignInWindowFoundThen() throws Exception {
        List<CaptureEvent> seen = new CopyOnWriteArrayList<>();
        ScriptedProbe probe = new ScriptedProbe();
        probe.answers.add(CHAT);
        try (CaptureQueue queue = new CaptureQueue(seen::add)) {
            queue.watchFocus(probe, java.time.Duration.ofHours(1), w -> w.title().startsWith("Sign in"));
            queue.start();
            await(() -> seen.contains(CHAT));
            probe.answers.add(SIGN_IN); // clicked into the sign-in box during the pause
            queue.offer(new KeyTyped('s'));
            queue.barrier().get(2, TimeUnit.MINUTES);
        }
        assertEquals(List.of(CHAT, SIGN_IN, new KeyTyped('s')), seen);
    }
}
