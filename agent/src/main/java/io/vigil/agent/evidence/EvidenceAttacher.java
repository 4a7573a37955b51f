package io.vigil.agent.evidence;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits between the detector and the spool: adds a screenshot to the alerts the {@link ScreenshotPolicy}
 * allows. A screenshot that fails is logged and the alert goes on without it: evidence is optional, the
 * alert is not.
 */
public final class EvidenceAttacher implements Consumer<AlertRecord> {

    private static final Logger log = LoggerFactory.getLogger(EvidenceAttacher.class);

    private final ScreenshotPolicy policy;
    private final Supplier<Screenshot> camera;
    private final Consumer<AlertRecord> next;

    public EvidenceAttacher(ScreenshotPolicy policy, Supplier<Screenshot> camera, Consumer<AlertRecord> next) {
        this.policy = policy;
        this.camera = camera;
        this.next = next;
    }

    @Override
    public void accept(AlertRecord alert) {
        if (!policy.wants(alert)) {
            next.accept(alert.withScreenshot(Optional.empty()));
            return;
        }
        Optional<Screenshot> shot;
        try {
            shot = Optional.of(camera.get());
        } catch (RuntimeException e) {
            log.warn("screenshot for a {} alert failed ({}); sending the alert without it", alert.category(),
                    e.toString());
            shot = Optional.empty();
        } catch (OutOfMemoryError e) {
            // The agent runs with a small heap (agent/jvm.options) and a screenshot is its one large allocation:
            // the pixels are garbage the moment this is thrown, and the alert itself must never be lost to it.
            log.warn("screenshot for a {} alert did not fit in the agent's heap; sending the alert without it",
                    alert.category());
            shot = Optional.empty();
        }
        next.accept(alert.withScreenshot(shot));
    }
}
