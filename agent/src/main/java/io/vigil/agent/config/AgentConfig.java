package io.vigil.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the agent needs to run, as written by {@code enrol} into the config file.
 *
 * @param console           the console's gRPC address
 * @param pin               fingerprint of the only certificate the agent accepts from the console
 * @param deviceId          id the console gave this device at enrolment
 * @param deviceCredential  secret proving the device id; never logged
 * @param spoolPath         MVStore file that holds alerts until the console acknowledges them
 * @param statePath         directory for later device state (applied policies and lists)
 * @param user              reported user when the OS user name is not the school username
 * @param heartbeatInterval how often the agent reports its spool depth on an idle session
 * @param capture           what is captured and kept: sources, sign-in windows, screenshots
 * @param policy            who is monitored and when, the log-on notice, the "Get help" page
 * @param filter            the local web filter (DNS resolver, block page); off unless configured
 * @param policyKeys        the console's policy-signing keys pinned at enrolment; empty for a device enrolled
 *                          before the console signed policies (it then refuses every pushed policy)
 */
public record AgentConfig(ConsoleAddress console, CertificatePin pin, String deviceId, String deviceCredential,
                          Path spoolPath, Path statePath, Optional<String> user, Duration heartbeatInterval,
                          CaptureSettings capture, PolicySettings policy, FilterSettings filter,
                          List<PolicyKey> policyKeys) {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(30);

    public AgentConfig {
        Objects.requireNonNull(console);
        Objects.requireNonNull(pin);
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(deviceCredential);
        Objects.requireNonNull(spoolPath);
        Objects.requireNonNull(statePath);
        Objects.requireNonNull(user);
        Objects.requireNonNull(heartbeatInterval);
        Objects.requireNonNull(capture);
        Objects.requireNonNull(policy);
        Objects.requireNonNull(filter);
        policyKeys = List.copyOf(policyKeys);
    }

    public AgentConfig(ConsoleAddress console, CertificatePin pin, String deviceId, String deviceCredential,
                       Path spoolPath, Path statePath, Optional<String> user, Duration heartbeatInterval,
                       CaptureSettings capture, PolicySettings policy, FilterSettings filter) {
        this(console, pin, deviceId, deviceCredential, spoolPath, statePath, user, heartbeatInterval, capture,
                policy, filter, List.of());
    }

    public AgentConfig(ConsoleAddress console, CertificatePin pin, String deviceId, String deviceCredential,
                       Path spoolPath, Path statePath, Optional<String> user, Duration heartbeatInterval,
                       CaptureSettings capture, PolicySettings policy) {
        this(console, pin, deviceId, deviceCredential, spoolPath, statePath, user, heartbeatInterval, capture,
                policy, FilterSettings.DISABLED);
    }

    public AgentConfig withPolicyKeys(List<PolicyKey> keys) {
        return new AgentConfig(console, pin, deviceId, deviceCredential, spoolPath, statePath, user,
                heartbeatInterval, capture, policy, filter, keys);
    }

    public AgentConfig(ConsoleAddress console, CertificatePin pin, String deviceId, String deviceCredential,
                       Path spoolPath, Path statePath, Optional<String> user, Duration heartbeatInterval,
                       CaptureSettings capture) {
        this(console, pin, deviceId, deviceCredential, spoolPath, statePath, user, heartbeatInterval, capture,
                PolicySettings.DEFAULTS);
    }

    public AgentConfig(ConsoleAddress console, CertificatePin pin, String deviceId, String deviceCredential,
                       Path spoolPath, Path statePath, Optional<String> user, Duration heartbeatInterval) {
        this(console, pin, deviceId, deviceCredential, spoolPath, statePath, user, heartbeatInterval,
                CaptureSettings.DEFAULTS);
    }

    /** The default files for a config written at {@code configFile}: they sit next to it. */
    public static AgentConfig enrolled(ConsoleAddress console, CertificatePin pin, String deviceId,
                                       String deviceCredential, Path configFile) {
        Path dir = configFile.toAbsolutePath().getParent();
        return new AgentConfig(console, pin, deviceId, deviceCredential, dir.resolve("spool.mv.db"),
                dir.resolve("state"), Optional.empty(), DEFAULT_HEARTBEAT);
    }

    /** Keeps the credential out of logs and exception messages. */
    @Override
    public String toString() {
        return "AgentConfig[console=" + console + ", pin=" + pin + ", deviceId=" + deviceId
                + ", deviceCredential=<redacted>, spoolPath=" + spoolPath + ", statePath=" + statePath
                + ", user=" + user + ", heartbeatInterval=" + heartbeatInterval + ", capture=" + capture + ", policy=" + policy
                + ", filter=" + filter + ", policyKeys=" + policyKeys.stream().map(PolicyKey::keyId).toList() + "]";
    }
}
