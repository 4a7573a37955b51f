package io.vigil.agent.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads facts about the machine from the JDK and the OS. Every source is optional: a fact that
 * cannot be read is reported empty rather than stopping the agent.
 */
public final class Platform {

    private static final Path MACHINE_ID = Path.of("/etc/machine-id");

    private final Properties system;
    private final Map<String, String> env;
    private final Path machineIdFile;

    public Platform(Properties system, Map<String, String> env, Path machineIdFile) {
        this.system = system;
        this.env = env;
        this.machineIdFile = machineIdFile;
    }

    public static Platform current() {
        return new Platform(System.getProperties(), System.getenv(), MACHINE_ID);
    }

    public DeviceFacts deviceFacts() {
        return new DeviceFacts(hostname(), system.getProperty("os.name", ""), system.getProperty("os.version", ""),
                hardwareId(), agentVersion());
    }

    /**
     * Why this device has no screen the agent can watch, if it has none: on Linux and BSD the keyboard hook,
     * the window list and screenshots all need an X11 display in the user's session.
     */
    public Optional<String> displayProblem() {
        String os = system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        String display = env.get("DISPLAY");
        if (display != null && !display.isBlank()) {
            return Optional.empty();
        }
        String wayland = env.get("WAYLAND_DISPLAY");
        if (wayland != null && !wayland.isBlank()) {
            return Optional.of("Wayland session without an X11 display (XWayland not running)");
        }
        return Optional.of("no display (DISPLAY is not set)");
    }

    /** Why the foreground window cannot be listed, if it cannot: on X11 OSHI runs xprop and xwininfo. */
    public Optional<String> windowListProblem() {
        Optional<String> display = displayProblem();
        if (display.isPresent()) {
            return display;
        }
        String os = system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.startsWith("windows") && !os.startsWith("mac") && !onPath("xprop")) {
            return Optional.of("xprop not found (install x11-utils)");
        }
        return Optional.empty();
    }

    private boolean onPath(String program) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** The OS account running the agent; on school laptops this is the pupil's school username. */
    public String userName() {
        return system.getProperty("user.name", "");
    }

    public static String agentVersion() {
        String version = Platform.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    String hostname() {
        String fromEnv = first(env::get, "HOSTNAME", "COMPUTERNAME");
        if (fromEnv != null) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    String hardwareId() {
        try {
            return Files.readString(machineIdFile, StandardCharsets.UTF_8).strip();
        } catch (IOException | SecurityException e) {
            return ""; // not Linux, or not readable: the proto allows an empty hardware id
        }
    }

    private static String first(Function<String, String> lookup, String... keys) {
        for (String key : keys) {
            String value = lookup.apply(key);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
