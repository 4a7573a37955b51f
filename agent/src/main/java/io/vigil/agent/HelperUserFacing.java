package io.vigil.agent;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.evidence.EvidenceAttacher;
import io.vigil.agent.evidence.ScreenCapture;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.help.web.HelpPageServer;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the session helper's composition root: what only the user's own session can do besides capture.
 * Screenshots (the helper owns the display; the service, a root process with no display, cannot take them;
 * never while a sign-in or password window is in front)
 * and the pupil's Get-help page (served as the pupil, on loopback, with the same token, origin and host checks
 * as in {@code run}; a request goes to the service, which raises it for the kernel-verified user).
 */
final class HelperUserFacing {

    /** Where the help page's address (with its token) is written for the user, under their runtime directory. */
    static final String HELP_URL_FILE = "help-page.url";
    private static final Logger log = LoggerFactory.getLogger(HelperUserFacing.class);

    private HelperUserFacing() {
    }

    /**
     * The alerts' way to the service: through {@link EvidenceAttacher} when the school's settings (sent by the
     * service) ask for screenshots and there is a screen, straight to the link otherwise.
     */
    static Consumer<AlertRecord> alerts(Platform platform, CaptureSettings settings, HelperConnection link,
                                        BooleanSupplier signInInFront, List<String> available,
                                        Map<String, String> unavailable) {
        ScreenshotPolicy policy = new ScreenshotPolicy(settings);
        if (!policy.enabled()) {
            return link;
        }
        Optional<String> noDisplay = platform.displayProblem();
        Optional<ScreenCapture> camera = noDisplay.isPresent() ? Optional.empty() : ScreenCapture.open();
        if (camera.isEmpty()) {
            unavailable.put("evidence.screenshot", noDisplay.orElse("no screen to capture (headless Java runtime)"));
            return link;
        }
        available.add("evidence.screenshot");
        ScreenCapture screen = camera.get();
        return new EvidenceAttacher(policy, () -> {
            if (signInInFront.getAsBoolean()) { // the screen would show what the pupil is signing in with
                throw new IllegalStateException("a sign-in or password window is in front, no screenshot is taken");
            }
            return screen.take();
        }, link);
    }

    /** The help page, when the school has it on; its address goes to an owner-only file in the user's runtime dir. */
    static Optional<HelpPageServer> helpPage(boolean enabled, HelperConnection link, String user,
                                             List<String> available, Map<String, String> unavailable) {
        if (!enabled) {
            return Optional.empty();
        }
        // The helper checks the words as run does (so the pupil is told at once); the service checks them again.
        HelpPageServer server = new HelpPageServer((request, words) -> link.askForHelp(request.id(),
                HelpDesk.said(words)), Optional.empty(), () -> user, new SecureRandom());
        try {
            server.start(0);
            Path file = urlFile();
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            UserFacing.writeOwnerOnly(file, server.url().toString());
            available.add("help.page");
            log.info("help page listening on 127.0.0.1:{} (its address, with the session token, is in {})",
                    server.port(), file);
            return Optional.of(server);
        } catch (IOException | RuntimeException e) {
            server.close();
            unavailable.put("help.page", "cannot serve the local help page: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** $XDG_RUNTIME_DIR (the user's own, 0700, cleared at log-out) when set, else a private folder in home. */
    static Path urlFile() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() ? Path.of(runtime, "vigil")
                : Path.of(System.getProperty("user.home"), ".cache", "vigil");
        return dir.resolve(HELP_URL_FILE);
    }
}
