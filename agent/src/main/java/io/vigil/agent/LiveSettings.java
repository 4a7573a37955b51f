package io.vigil.agent;

import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.helper.lists.ListsFile;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.match.AlertDetector;
import io.vigil.agent.match.SignInWindowGuard;
import io.vigil.agent.policy.NoticeTexts;
import io.vigil.agent.policy.ScopeGate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the helper's composition root: what the service sends after the handshake, applied to the running
 * session. Scope, hours and group go to the {@link ScopeGate} (leaving scope pauses at once), the profile to the
 * detector, the extra sign-in patterns to the guard, a notice whose version changed is shown again, and
 * keyboard capture switched off stops the hook. What would have to be built into a running capture pipeline
 * (window capture on or off, its poll interval, keyboard capture switched on, which needs the sign-in window
 * check wired with it; the screenshot settings; the help page) ends this helper with a log line; its unit
 * starts a new one, which gets the new settings in its handshake.
 */
final class LiveSettings implements HelperConnection.Updates {

    private static final Logger log = LoggerFactory.getLogger(LiveSettings.class);
    static final String KEYBOARD = "capture.keyboard";

    private final HelperConnection link;
    private final ScopeGate scope;
    private final SignInWindowGuard guard;
    private final AlertDetector detector;
    private final List<CaptureSource> sources;
    private final ListsFile lists;
    private final Consumer<NoticeTexts.Notice> showNotice;
    private final CompletableFuture<Void> restart;
    private volatile SessionSettings current;

    /** @param restart completed when a change needs a new helper (the command line then exits; the unit restarts) */
    LiveSettings(HelperConnection link, SessionSettings first, ScopeGate scope, SignInWindowGuard guard,
                 AlertDetector detector, List<CaptureSource> sources, ListsFile lists,
                 Consumer<NoticeTexts.Notice> showNotice, CompletableFuture<Void> restart) {
        this.link = link;
        this.current = first;
        this.scope = scope;
        this.guard = guard;
        this.detector = detector;
        this.sources = sources;
        this.lists = lists;
        this.showNotice = showNotice;
        this.restart = restart;
    }

    @Override
    public void settings(SessionSettings next) {
        SessionSettings before = current;
        CaptureSettings was = before.capture();
        CaptureSettings now = next.capture();
        if (was.windows() != now.windows() || !was.windowPoll().equals(now.windowPoll())
                || (now.keyboard() && !was.keyboard()) || screenshotsOrHelpChanged(before, next)) {
            log.warn("the school changed what this session captures (keyboard {}, windows {}, window poll {} ms, "
                    + "screenshots {}, help page {}): starting a new session helper to apply it", now.keyboard(),
                    now.windows(), now.windowPoll().toMillis(), now.screenshotCategories(), next.help());
            restart.complete(null);
            return;
        }
        current = next;
        guard.update(now.signInTitles(), now.signInApps());
        detector.profilesChanged();
        scope.rescope(next.scope(), next.group());
        if (was.keyboard() && !now.keyboard()) {
            stopKeyboard();
        }
        log.info("school settings changed: monitoring scope {}; detection profile {}", scope.describe(),
                next.profile().describe());
        String shown = before.notice().map(NoticeTexts.Notice::version).orElse("");
        next.notice().filter(n -> !n.version().equals(shown)).ifPresent(showNotice);
    }

    /** The screenshot sink and the help page are built once per helper, like the window capture. */
    private static boolean screenshotsOrHelpChanged(SessionSettings before, SessionSettings next) {
        CaptureSettings was = before.capture();
        CaptureSettings now = next.capture();
        return before.help() != next.help() || !was.screenshotCategories().equals(now.screenshotCategories())
                || was.screenshotMinSeverity() != now.screenshotMinSeverity()
                || !was.noImagery().equals(now.noImagery());
    }

    private void stopKeyboard() {
        synchronized (sources) {
            sources.removeIf(source -> {
                if (source.capability().equals(KEYBOARD)) {
                    source.close();
                    return true;
                }
                return false;
            });
        }
        log.info("keyboard capture switched off by the school: the keyboard hook is removed");
    }

    @Override
    public void lists(HelperMessage.ListsChanged announced) {
        link.listsInUse(lists.load(announced));
    }

    /** Tells the service which lists are in use before any announcement (the jar's, or none announced yet). */
    void reportLists(String version) {
        link.listsInUse(new HelperMessage.ListsInUse(version, ""));
    }
}
