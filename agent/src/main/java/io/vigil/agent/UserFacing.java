package io.vigil.agent;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.capture.session.CurrentUser;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.PolicySettings;
import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.help.HelpInbox;
import io.vigil.agent.help.web.HelpPageServer;
import io.vigil.agent.notice.AcceptanceLog;
import io.vigil.agent.notice.NoticeDisplay;
import io.vigil.agent.notice.NoticePresenter;
import io.vigil.agent.notice.NoticeService;
import io.vigil.agent.notice.desktop.SwingNoticeDisplay;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.policy.MonitoringGroup;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the composition root: what the signed-in user sees of the agent. The monitoring notice at log-on,
 * the local "Get help" page, and the tray icon, each only where the school's policy and the device allow.
 */
final class UserFacing implements AutoCloseable {

    /** Where the help page's address (with its token) is written, owner-only, for the signed-in user. */
    static final String HELP_URL_FILE = "help-page.url";
    static final String ACCEPTANCES_FILE = "notice-acceptances.tsv";
    private static final Logger log = LoggerFactory.getLogger(UserFacing.class);

    private final Optional<HelpPageServer> helpPage;
    private final Optional<NoticeDisplay> display;

    private UserFacing(Optional<HelpPageServer> helpPage, Optional<NoticeDisplay> display) {
        this.helpPage = helpPage;
        this.display = display;
    }

    static UserFacing start(Platform platform, AgentConfig config, CurrentUser user, Function<String, MonitoringGroup> groupOf,
                            Consumer<DeviceRecord> records, List<String> available, Map<String, String> unavailable) {
        PolicySettings policy = config.policy();
        Clock clock = Clock.systemUTC();
        Optional<NoticeService> notices = policy.showNotice()
                ? Optional.of(new NoticeService(policy.notices(), groupOf,
                        AcceptanceLog.open(config.statePath().resolve(ACCEPTANCES_FILE)), records, clock, config.deviceId()))
                : Optional.empty();
        Optional<HelpPageServer> page = Optional.empty();
        if (policy.help()) {
            page = helpPage(new HelpDesk(records::accept, user::get, policy.helpSeverity(), clock)::ask, notices,
                    user, config.statePath(), available, unavailable);
        }
        Optional<SwingNoticeDisplay> desktop = desktop(platform, notices.isPresent() || page.isPresent(), page,
                available, unavailable);
        if (page.isPresent() && desktop.isPresent() && desktop.get().addTrayIcon()) {
            available.add("help.tray");
        }
        notices.ifPresent(n -> {
            NoticePresenter presenter = new NoticePresenter(n, desktop.map(d -> (NoticeDisplay) d),
                    () -> desktop.ifPresent(SwingNoticeDisplay::openHelpPage));
            presenter.userSignedIn(user.get());
            user.onChange(presenter::userSignedIn); // each user sees, and accepts, the notice for their group
        });
        return new UserFacing(page, desktop.map(d -> (NoticeDisplay) d));
    }

    private static Optional<HelpPageServer> helpPage(HelpInbox desk, Optional<NoticeService> notices, CurrentUser user,
                                                     Path stateDir, List<String> available,
                                                     Map<String, String> unavailable) {
        HelpPageServer server = new HelpPageServer(desk, notices, user::get, new SecureRandom());
        try {
            server.start(0);
            Path file = stateDir.resolve(HELP_URL_FILE);
            writeOwnerOnly(file, server.url().toString());
            available.add("help.page");
            log.info("help page listening on 127.0.0.1:{} (its address, with the session token, is in {})",
                    server.port(), file);
            return Optional.of(server);
        } catch (IOException e) {
            server.close();
            unavailable.put("help.page", "cannot serve the local help page: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<SwingNoticeDisplay> desktop(Platform platform, boolean wanted,
                                                        Optional<HelpPageServer> page, List<String> available,
                                                        Map<String, String> unavailable) {
        if (!wanted) {
            return Optional.empty();
        }
        Optional<String> noDisplay = platform.displayProblem();
        if (noDisplay.isPresent()) {
            unavailable.put("notice.display", noDisplay.get());
            return Optional.empty();
        }
        Optional<SwingNoticeDisplay> display = SwingNoticeDisplay.open(page.map(HelpPageServer::url)
                .orElse(java.net.URI.create("about:blank")));
        if (display.isEmpty()) {
            unavailable.put("notice.display", "no display (headless Java runtime)");
        } else {
            available.add("notice.display");
        }
        return display;
    }

    static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(file.toAbsolutePath().getParent(), ".help-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.toAbsolutePath().getParent(), ".help-", ".tmp");
        Files.writeString(temp, text + "\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        display.ifPresent(NoticeDisplay::close);
        helpPage.ifPresent(HelpPageServer::close);
    }
}
