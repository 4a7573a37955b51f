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
        Firmware firmware = firmware();
        String hardwareId = firmware.serial().isEmpty() ? hardwareId() : firmware.serial();
        return new DeviceFacts(hostname(), system.getProperty("os.name", ""), system.getProperty("os.version", ""),
                hardwareId, agentVersion(), firmware.model());
    }

    /** Serial number and model from the firmware (OSHI: DMI on Linux, WMI on Windows, IOKit on macOS). */
    record Firmware(String serial, String model) {
    }

    /**
     * Empty fields where the firmware says nothing useful: virtual machines answer "unknown", and on Linux the
     * serial is readable by root only. The hardware id then falls back to /etc/machine-id.
     */
    Firmware firmware() {
        try {
            var computer = new oshi.SystemInfo().getHardware().getComputerSystem();
            String model = (known(computer.getManufacturer()) + " " + known(computer.getModel())).strip();
            return new Firmware(known(computer.getSerialNumber()), model);
        } catch (RuntimeException | LinkageError e) {
            return new Firmware("", "");
        }
    }

    private static String known(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        return v.isEmpty() || v.equalsIgnoreCase("unknown") || v.equalsIgnoreCase("none")
                || v.equalsIgnoreCase("To Be Filled By O.E.M.") || v.equalsIgnoreCase("Default string") ? "" : v;
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

    /**
     * Why the foreground window cannot be watched, if it cannot. On X11 the agent reads it from the window
     * manager over Xlib; only OSHI's fallback window list needs xprop and xwininfo (x11-utils).
     */
    public Optional<String> windowListProblem() {
        return displayProblem();
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
