package io.vigil.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file an MDM drops next to the agent's config for zero-touch enrolment ({@code enrol.properties}): where
 * the console is, its certificate pin, and where the enrolment token is. It holds no secret itself: the token
 * sits in its own owner-only file (or the service's environment) so that it can be consumed after use and
 * never has to appear on a command line, where every local user could read it in {@code ps}.
 *
 * <p>Any other agent setting in it (filter.*, capture.*, spool.path, ...) is copied into the config written at
 * enrolment, so one MDM payload configures the whole device. Unknown keys are refused before the console is
 * contacted, so a typo does not spend the token on a device that then cannot start.
 *
 * @param settings the copied agent settings, by key
 */
public record MdmEnrolmentFile(Path file, ConsoleAddress console, CertificatePin pin, Optional<Path> tokenFile,
                               Map<String, String> settings) {

    public static final String FILE_NAME = "enrol.properties";
    /** Read when set; lets an MDM or a systemd credential hand the token over without any file. */
    public static final String TOKEN_ENVIRONMENT = "VIGIL_ENROL_TOKEN";
    static final String TOKEN_FILE = "enrol.token_file";
    /** Written by enrolment itself, so an MDM file must not set them. */
    private static final Set<String> NOT_SETTINGS = Set.of(ConfigFile.DEVICE_ID, ConfigFile.DEVICE_CREDENTIAL,
            ConfigFile.POLICY_KEYS, ConfigFile.CONSOLE_ADDRESS, ConfigFile.CONSOLE_PIN);

    public MdmEnrolmentFile {
        settings = Map.copyOf(settings);
    }

    public static MdmEnrolmentFile load(Path file) throws ConfigException {
        Properties p = read(file);
        Map<String, String> settings = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.equals(TOKEN_FILE) || key.equals(ConfigFile.CONSOLE_ADDRESS) || key.equals(ConfigFile.CONSOLE_PIN)) {
                continue;
            }
            if (NOT_SETTINGS.contains(key) || !ConfigFile.isKnownKey(key)) {
                unknown.add(key);
            } else {
                settings.put(key, p.getProperty(key).strip());
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("enrolment file " + file + ": key(s) " + unknown + " cannot be set here; it takes "
                    + ConfigFile.CONSOLE_ADDRESS + ", " + ConfigFile.CONSOLE_PIN + ", " + TOKEN_FILE
                    + " and agent settings (filter.*, capture.*, spool.path, ...)");
        }
        ConsoleAddress console = parse(file, p, ConfigFile.CONSOLE_ADDRESS, ConsoleAddress::parse);
        CertificatePin pin = parse(file, p, ConfigFile.CONSOLE_PIN, CertificatePin::parse);
        Path dir = file.toAbsolutePath().getParent();
        Optional<Path> tokenFile = Optional.ofNullable(p.getProperty(TOKEN_FILE)).map(String::strip)
                .filter(s -> !s.isEmpty()).map(dir::resolve);
        return new MdmEnrolmentFile(file, console, pin, tokenFile, new LinkedHashMap<>(settings));
    }

    private static Properties read(Path file) throws ConfigException {
        return Utf8Properties.read(file, "enrolment file", "");
    }

    private static <T> T parse(Path file, Properties p, String key, java.util.function.Function<String, T> parser)
            throws ConfigException {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ConfigException("enrolment file " + file + ": missing key '" + key + "'");
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("enrolment file " + file + ": key '" + key + "': " + e.getMessage());
        }
    }

    /**
     * The token: the environment variable when set, else the token file's first line. Fails naming both
     * places when neither has one.
     */
    public String token(Map<String, String> environment) throws ConfigException {
        String fromEnvironment = environment.get(TOKEN_ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (tokenFile.isEmpty()) {
            throw new ConfigException("enrolment file " + file + ": no token: set " + TOKEN_FILE
                    + " or the environment variable " + TOKEN_ENVIRONMENT);
        }
        Path path = tokenFile.get();
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (text.isEmpty()) {
                throw new ConfigException("enrolment token file " + path + " is empty");
            }
            return text.lines().findFirst().orElseThrow().strip();
        } catch (NoSuchFileException e) {
            throw new ConfigException("enrolment token file " + path + " not found (named by " + TOKEN_FILE + " in "
                    + file + "); it is deleted after a successful enrolment, so a new device needs a new one");
        } catch (IOException e) {
            throw new ConfigException("enrolment token file " + path + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MdmEnrolmentFile[" + file + ", console=" + console + ", tokenFile=" + tokenFile + "]";
    }
}
