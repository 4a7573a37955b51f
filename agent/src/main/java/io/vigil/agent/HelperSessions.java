package io.vigil.agent;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.notice.AcceptanceLog;
import io.vigil.agent.notice.NoticeService;
import io.vigil.agent.platform.OsGroups;
import io.vigil.agent.policy.MonitoringGroup;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the service's composition root: the school's settings for each session helper, resolved for the
 * kernel-verified user with the same classes {@code run} uses (group mapping, scope, capture, detection
 * profiles, notice), and the notice acceptances helpers report, spooled as {@code run} spools them.
 */
final class HelperSessions {

    private static final Logger log = LoggerFactory.getLogger(HelperSessions.class);

    private final Consumer<DeviceRecord> records;
    private final AcceptanceLog acceptances;
    /** Replaced together when the config file changes: settings are never resolved from half of each. */
    private volatile State state;

    private record State(AgentConfig config, Optional<NoticeService> notices) {
    }

    HelperSessions(AgentConfig config, Consumer<DeviceRecord> records) {
        this.records = records;
        this.acceptances = AcceptanceLog.open(config.statePath().resolve(UserFacing.ACCEPTANCES_FILE));
        this.state = stateFor(config);
    }

    private State stateFor(AgentConfig config) {
        return new State(config, config.policy().showNotice()
                ? Optional.of(new NoticeService(config.policy().notices(), user -> groupOf(config, user), acceptances,
                        records, Clock.systemUTC(), config.deviceId()))
                : Optional.empty());
    }

    /**
     * The config file changed and parsed: settings are resolved from it from now on (the caller then sends them
     * to connected helpers). Only what helpers get is taken; the console address, credential, spool and socket
     * are the service's own and still need a restart.
     */
    void reload(AgentConfig config) {
        this.state = stateFor(config);
    }

    private static MonitoringGroup groupOf(AgentConfig config, String user) {
        return config.policy().groups().groupOf(user, OsGroups.of(user));
    }

    /** @throws IllegalArgumentException when the settings cannot be sent (the helper is then refused) */
    HelperMessage.Settings settingsFor(String user) {
        State now = state;
        AgentConfig config = now.config();
        Optional<NoticeService> notices = now.notices();
        Set<String> osGroups = OsGroups.of(user);
        MonitoringGroup group = config.policy().groups().groupOf(user, osGroups);
        var profile = config.policy().detection().profileOf(group, osGroups);
        var notice = notices.filter(n -> n.needsAcceptance(user)).map(n -> n.noticeFor(user));
        SessionSettings settings = new SessionSettings(group, config.policy().scope(), config.capture(), profile,
                notice, config.policy().help());
        log.info("settings for the session helper of '{}': group {}, monitored {}, profile {}, notice {}", user,
                group.id(), config.policy().scope().whenFor(group).name().toLowerCase(java.util.Locale.ROOT),
                profile.name().id(), notice.map(n -> "to show (" + n.version() + ")").orElse("not shown"));
        return settings.toMessage();
    }

    /** A notice version other than the one in force for this user is not recorded (an old window, or forged). */
    void noticeAccepted(String user, String version) {
        Optional<NoticeService> notices = state.notices();
        if (notices.isEmpty()) {
            log.warn("the session helper of '{}' reported a notice acceptance, but notices are off", user);
            return;
        }
        String current = notices.get().noticeFor(user).version();
        if (!current.equals(version)) {
            log.warn("ignored the session helper of '{}' accepting notice '{}': the notice in force is '{}'", user,
                    version, current);
            return;
        }
        notices.get().accept(user);
    }
}
