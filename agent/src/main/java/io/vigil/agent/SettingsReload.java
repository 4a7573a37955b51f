package io.vigil.agent;

import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ConfigException;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.helper.service.HelperServer;
import io.vigil.agent.health.CapabilityBoard;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part of the service's composition root: the config file changed, so the school's settings are resolved again
 * and sent to every connected helper whose settings differ, without a restart of either. A file that does not
 * load (a typo, or a write caught half-way) changes nothing: the last good settings stay in force, because a
 * bad edit must never silence the device, and the error names the file and key as at start.
 */
final class SettingsReload implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(SettingsReload.class);

    private final Path configFile;
    private final HelperSessions school;
    private final HelperServer helpers;
    private final CapabilityBoard board;
    private final Consumer<AgentConfig> serviceSide;

    /**
     * @param board       where a refused edit shows up for IT (the device's problems), until a good one replaces it
     * @param serviceSide what the service itself checks from the config (screenshot policy, help desk)
     */
    SettingsReload(Path configFile, HelperSessions school, HelperServer helpers, CapabilityBoard board,
                   Consumer<AgentConfig> serviceSide) {
        this.configFile = configFile;
        this.school = school;
        this.helpers = helpers;
        this.board = board;
        this.serviceSide = serviceSide;
    }

    static final String CAPABILITY = "config.reload";

    private void refused(String problem) {
        log.error("the changed config is not applied, the last good school settings stay in force: {}", problem);
        board.update(CAPABILITY, Optional.of("the edited config is not applied: " + problem));
    }

    @Override
    public synchronized void run() {
        AgentConfig config;
        try {
            ConfigFile file = new ConfigFile(configFile);
            config = file.load();
            // Not applied now, but checked: an edit that would stop the next start (exit 2, not restarted by
            // the unit) must be reported while the service still runs to report it.
            file.loadServiceSettings();
        } catch (ConfigException e) {
            refused(e.getMessage());
            return;
        } catch (RuntimeException e) { // unreadable in another way: the same rule applies
            refused(configFile + ": " + e);
            return;
        }
        school.reload(config);
        serviceSide.accept(config);
        board.update(CAPABILITY, Optional.empty());
        log.info("config {} reloaded: school settings resolved again for connected session helpers (console, spool "
                + "and socket settings apply at the next service start)", configFile);
        helpers.settingsChanged();
    }
}
