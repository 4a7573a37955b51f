package io.vigil.agent.capture.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplaySourceTest {

    private static ReplayScript script() throws ReplayScriptException {
        return ReplayScript.parse(Path.of("t.replay"), "700\tChat\thi\n0\tSign in\t\n");
    }

    @Test
    void emitsTheSameEventsAKeyboardAndWindowWatcherWould() throws Exception {
        List<CaptureEvent> events = new ArrayList<>();
        new ReplaySource(script(), ReplaySpeed.INSTANT, ms -> { throw new AssertionError("no sleeping"); })
                .run(events::add);
        assertEquals(List.of(new WindowFocused("Chat", "replay"), new KeyTyped('h'), new KeyTyped('i'),
                new LineBreak(), new WindowFocused("Sign in", "replay")), events);
    }

    @Test
    void humanSpeedWaitsTheStepDelayThenFortyToOneHundredTwentyMsPerCharacter() throws Exception {
        List<Long> sleeps = new ArrayList<>();
        new ReplaySource(script(), ReplaySpeed.HUMAN, sleeps::add).run(e -> { });
        assertEquals(3, sleeps.size(), sleeps.toString());
        assertEquals(700L, sleeps.getFirst());
        sleeps.subList(1, 3).forEach(ms -> assertTrue(ms >= 40 && ms <= 120, "per-key delay " + ms));
    }

    @Test
    void pacingIsTheSameOnEveryRun() throws Exception {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        new ReplaySource(script(), ReplaySpeed.HUMAN, first::add).run(e -> { });
        new ReplaySource(script(), ReplaySpeed.HUMAN, second::add).run(e -> { });
        assertEquals(first, second);
    }

    @Test
    void finishedCompletesAfterTheLastStepOnTheReplayThread() throws Exception {
        List<CaptureEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        ReplaySource source = new ReplaySource(script(), ReplaySpeed.INSTANT, Sleeper.REAL);
        source.start(events::add);
        source.finished().get(1, TimeUnit.MINUTES); // a hang guard; the replay thread ends it
        assertEquals(5, events.size());
    }

    @Test
    void anInstantReplayStopsOnCloseAndDeliversNothingAfterwards() throws Exception {
        // At instant speed nothing sleeps, so only an explicit interrupt check can stop it.
        String line = "0\tChat\t" + "a".repeat(200) + "\n";
        ReplayScript endless = ReplayScript.parse(Path.of("long.replay"), line.repeat(20_000));
        java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
        ReplaySource source = new ReplaySource(endless, ReplaySpeed.INSTANT, Sleeper.REAL);
        source.start(e -> delivered.incrementAndGet());
        while (delivered.get() == 0) {
            Thread.onSpinWait();
        }
        source.close();
        int atClose = delivered.get();
        // The replay thread completes finished() as its last act: once it has, nothing more can be delivered.
        java.util.concurrent.ExecutionException stopped = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.ExecutionException.class, () -> source.finished().get(1, TimeUnit.MINUTES),
                "the replay was stopped, not finished");
        assertEquals(atClose, delivered.get(), "events arrived after close() returned: " + stopped.getCause());
    }
}
