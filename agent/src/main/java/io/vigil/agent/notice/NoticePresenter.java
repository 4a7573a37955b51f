package io.vigil.agent.notice;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the monitoring notice when a user's session starts, if they have not yet accepted the version now
 * in force for their group. Without a display the notice waits on the local help page instead, which shows
 * it (with "I understand") until it is accepted there.
 */
public final class NoticePresenter {

    private static final Logger log = LoggerFactory.getLogger(NoticePresenter.class);

    private final NoticeService notices;
    private final Optional<NoticeDisplay> display;
    private final Runnable openHelpPage;

    public NoticePresenter(NoticeService notices, Optional<NoticeDisplay> display, Runnable openHelpPage) {
        this.notices = notices;
        this.display = display;
        this.openHelpPage = openHelpPage;
    }

    /** Call when a session starts (agent start, and a user switch or unlock where the platform reports one). */
    public void userSignedIn(String user) {
        if (!notices.needsAcceptance(user)) {
            return;
        }
        var notice = notices.noticeFor(user);
        if (display.isEmpty()) {
            log.info("monitoring notice {} not yet accepted by the signed-in user; no display, so it waits on the "
                    + "help page", notice.version());
            return;
        }
        display.get().show(notice, () -> notices.accept(user), openHelpPage);
    }
}
