package io.vigil.agent.config;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and writes the agent's config file: Java properties in UTF-8. The file holds the device
 * credential, so it is written owner-only (0600) and atomically: a crash mid-write leaves the old
 * file or the new one, never half of each.
 */
public final class ConfigFile {

    static final String CONSOLE_ADDRESS = "console.address";
    static final String CONSOLE_PIN = "console.pin";
    static final String DEVICE_ID = "device.id";
    static final String DEVICE_CREDENTIAL = "device.credential";
    static final String SPOOL_PATH = "spool.path";
    static final String STATE_PATH = "state.path";
    static final String USER = "user";
    static final String HEARTBEAT_SECONDS = "heartbeat.seconds";
    static final String POLICY_KEYS = "policy.signing_keys";
    /** A misspelt key would otherwise fall back to a default without a word, so unknown keys are refused. */
    private static final Set<String> KNOWN_KEYS = union(Set.of(CONSOLE_ADDRESS, CONSOLE_PIN, DEVICE_ID,
            DEVICE_CREDENTIAL, SPOOL_PATH, STATE_PATH, USER, HEARTBEAT_SECONDS, POLICY_KEYS),
            union(union(CaptureSettingsParser.KEYS, PolicySettingsParser.KEYS),
                    union(FilterSettingsParser.KEYS, ServiceSettingsParser.KEYS)));

    private final Path file;

    public ConfigFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Whether {@code key} is a setting this file understands (the enrolment file copies only these). */
    static boolean isKnownKey(String key) {
        return KNOWN_KEYS.contains(key);
    }

    public AgentConfig load() throws ConfigException {
        Properties p = read();
        rejectUnknownKeys(p);
        Path dir = file.toAbsolutePath().getParent();
        ConsoleAddress console = parse(p, CONSOLE_ADDRESS, ConsoleAddress::parse);
        CertificatePin pin = parse(p, CONSOLE_PIN, CertificatePin::parse);
        String deviceId = required(p, DEVICE_ID);
        String credential = required(p, DEVICE_CREDENTIAL);
        Path spool = dir.resolve(required(p, SPOOL_PATH));
        Path state = dir.resolve(p.getProperty(STATE_PATH, "state").strip());
        Optional<String> user = Optional.ofNullable(p.getProperty(USER)).map(String::strip).filter(s -> !s.isEmpty());
        Duration heartbeat = AgentConfig.DEFAULT_HEARTBEAT;
        if (p.getProperty(HEARTBEAT_SECONDS) != null) {
            int seconds = parse(p, HEARTBEAT_SECONDS, ConfigFile::positiveInt);
            heartbeat = Duration.ofSeconds(seconds);
        }
        CaptureSettings capture;
        PolicySettings policy;
        FilterSettings filter;
        try {
            capture = CaptureSettingsParser.parse(p);
            policy = PolicySettingsParser.parse(p);
            filter = FilterSettingsParser.parse(p);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": " + e.getMessage());
        }
        java.util.List<PolicyKey> keys = p.getProperty(POLICY_KEYS) == null ? java.util.List.of()
                : parse(p, POLICY_KEYS, PolicyKey::parse);
        return new AgentConfig(console, pin, deviceId, credential, spool, state, user, heartbeat, capture, policy,
                filter, keys);
    }

    /** The keys only the system service reads (helper socket, tamper watching); see {@link ServiceSettings}. */
    public ServiceSettings loadServiceSettings() throws ConfigException {
        Properties p = read();
        try {
            return ServiceSettingsParser.parse(p, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": " + e.getMessage());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    public void write(AgentConfig config) throws IOException {
        write(config, java.util.Map.of());
    }

    /**
     * Writes {@code config} plus {@code settings}: further keys (filter.*, capture.*, ...) copied verbatim from
     * an MDM enrolment file. They must not repeat a key the config itself writes.
     */
    public void write(AgentConfig config, java.util.Map<String, String> settings) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        text.append("# Vigil agent configuration, written by 'vigil-agent enrol'. Holds the device credential: keep it 0600.\n");
        put(text, CONSOLE_ADDRESS, config.console().toString());
        put(text, CONSOLE_PIN, config.pin().hex());
        put(text, DEVICE_ID, config.deviceId());
        put(text, DEVICE_CREDENTIAL, config.deviceCredential());
        put(text, SPOOL_PATH, config.spoolPath().toAbsolutePath().toString());
        put(text, STATE_PATH, config.statePath().toAbsolutePath().toString());
        if (config.user().isPresent()) {
            put(text, USER, config.user().get());
        }
        put(text, HEARTBEAT_SECONDS, Long.toString(config.heartbeatInterval().toSeconds()));
        if (!config.policyKeys().isEmpty()) {
            put(text, POLICY_KEYS, PolicyKey.format(config.policyKeys()));
        }
        new java.util.TreeMap<>(settings).forEach((key, value) -> {
            if (text.indexOf("\n" + key + "=") >= 0) {
                throw new IllegalArgumentException("setting '" + key + "' is written from the config itself");
            }
            put(text, key, value);
        });

        Path temp = ownerOnlyTempFile(dir);
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write(text.toString());
            }
            try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, ".vigil-agent-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(dir, ".vigil-agent-", ".tmp");
    }

    /** Properties escaping keeps '\\', ':' and '=' in values intact when read back. */
    private static void put(StringBuilder out, String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter line = new StringWriter();
        try {
            one.store(line, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.append(l).append('\n'));
    }

    private Properties read() throws ConfigException {
        return Utf8Properties.read(file, "config", " (run 'vigil-agent enrol' first)");
    }

    private void rejectUnknownKeys(Properties p) throws ConfigException {
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KNOWN_KEYS);
        if (!unknown.isEmpty()) {
            throw new ConfigException("config " + file + ": unknown key(s) " + unknown + "; known keys are "
                    + new TreeSet<>(KNOWN_KEYS));
        }
    }

    private String required(Properties p, String key) throws ConfigException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new ConfigException("config " + file + ": missing key '" + key + "'");
        }
        if (value.isBlank()) {
            throw new ConfigException("config " + file + ": key '" + key + "' is empty");
        }
        return value.strip();
    }

    private <T> T parse(Properties p, String key, java.util.function.Function<String, T> parser) throws ConfigException {
        String value = required(p, key);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": key '" + key + "': " + e.getMessage());
        }
    }

    private static int positiveInt(String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 1) {
                throw new IllegalArgumentException("'" + text + "' must be at least 1");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }
}
