package io.vigil.agent.cli;

import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConfigException;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.config.MdmEnrolmentFile;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.transport.Enrolment;
import io.vigil.agent.transport.TransportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zero-touch enrolment: when the service starts without a config but an MDM has dropped an enrolment file
 * ({@value MdmEnrolmentFile#FILE_NAME} beside the config), the service enrols itself, writes its config and
 * consumes the token file. Without an enrolment file nothing happens and the usual "run enrol first" error
 * follows. A failed enrolment keeps the token, so the unit's restart tries again once the console answers.
 */
final class FirstStartEnrolment {

    private static final Logger log = LoggerFactory.getLogger(FirstStartEnrolment.class);

    /** The Enroll call; the real one is {@link io.vigil.agent.transport.Enroller#enrol}. */
    @FunctionalInterface
    interface EnrolCall {
        Enrolment enrol(ConsoleAddress console, CertificatePin pin, String token, DeviceFacts facts)
                throws TransportException;
    }

    private final EnrolCall enroller;
    private final Supplier<DeviceFacts> facts;
    private final Map<String, String> environment;

    FirstStartEnrolment(EnrolCall enroller, Supplier<DeviceFacts> facts, Map<String, String> environment) {
        this.enroller = enroller;
        this.facts = facts;
        this.environment = environment;
    }

    static Path defaultEnrolmentFile(Path config) {
        return config.toAbsolutePath().resolveSibling(MdmEnrolmentFile.FILE_NAME);
    }

    /** Enrols when {@code config} is missing and {@code enrolmentFile} exists; returns whether it did. */
    boolean enrolIfNeeded(Path config, Path enrolmentFile) {
        if (Files.exists(config) || !Files.exists(enrolmentFile)) {
            return false;
        }
        MdmEnrolmentFile mdm;
        String token;
        try {
            mdm = MdmEnrolmentFile.load(enrolmentFile);
            token = mdm.token(environment);
        } catch (ConfigException e) {
            throw CliException.usage(e.getMessage());
        }
        Map<String, String> settings = new HashMap<>(mdm.settings());
        AgentConfig defaults = AgentConfig.enrolled(mdm.console(), mdm.pin(), "-", "-", config);
        Path dir = config.toAbsolutePath().getParent();
        Path spool = path(settings.remove("spool.path"), dir, defaults.spoolPath());
        Path state = path(settings.remove("state.path"), dir, defaults.statePath());
        checkSettings(config, new AgentConfig(mdm.console(), mdm.pin(), "pending", "pending", spool, state,
                java.util.Optional.empty(), AgentConfig.DEFAULT_HEARTBEAT), settings, enrolmentFile);
        log.info("no config at {}: enrolling from {} with console {}", config, enrolmentFile, mdm.console());
        Enrolment enrolment;
        try {
            enrolment = enroller.enrol(mdm.console(), mdm.pin(), token, facts.get());
        } catch (TransportException e) {
            throw CliException.failure("zero-touch enrolment from " + enrolmentFile + " failed: " + e.getMessage());
        }
        AgentConfig enrolled = new AgentConfig(mdm.console(), mdm.pin(), enrolment.deviceId(),
                enrolment.deviceCredential(), spool, state, java.util.Optional.empty(), AgentConfig.DEFAULT_HEARTBEAT)
                .withPolicyKeys(enrolment.policyKeys());
        try {
            new ConfigFile(config).write(enrolled, settings);
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.failure("enrolled as device " + enrolment.deviceId() + " but cannot write config "
                    + config + ": " + e.getMessage());
        }
        consumeToken(mdm);
        log.info("enrolled as device {} ({}); config written to {}", enrolment.deviceId(), enrolment.school(), config);
        return true;
    }

    /**
     * Loads the config it would write, with a placeholder identity, before the token is spent: settings that
     * are each known but wrong together (the filter on without an upstream) fail now, naming the MDM file.
     */
    private static void checkSettings(Path config, AgentConfig trial, Map<String, String> settings, Path enrolmentFile) {
        Path check = config.toAbsolutePath().resolveSibling("." + config.getFileName() + ".check");
        try {
            new ConfigFile(check).write(trial, settings);
            new ConfigFile(check).load();
        } catch (ConfigException e) {
            throw CliException.usage("enrolment file " + enrolmentFile + " makes an invalid config: "
                    + e.getMessage().replace("config " + check + ": ", ""));
        } catch (IOException | IllegalArgumentException e) {
            throw CliException.failure("cannot write config beside " + config + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(check);
            } catch (IOException e) {
                log.warn("cannot delete {}: {}", check, e.toString());
            }
        }
    }

    /** A used token must not sit on disk: anyone who copies it could enrol a rogue device into the school. */
    private static void consumeToken(MdmEnrolmentFile mdm) {
        mdm.tokenFile().ifPresent(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("enrolled, but cannot delete the used token file {}: {}", file, e.toString());
            }
        });
    }

    private static Path path(String value, Path dir, Path fallback) {
        return value == null || value.isBlank() ? fallback : dir.resolve(value.strip());
    }
}
