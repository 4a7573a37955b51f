package io.vigil.agent.platform;

import io.vigil.agent.capture.session.DesktopSession;
import io.vigil.agent.capture.session.KnownLockers;
import io.vigil.agent.capture.session.LockSignal;
import io.vigil.agent.capture.session.LogindSession;
import io.vigil.agent.capture.session.SecretInputSignal;
import io.vigil.agent.capture.session.UserSource;
import io.vigil.agent.platform.macos.MacSecureInput;
import io.vigil.agent.platform.windows.UiAutomationFocus;
import io.vigil.agent.platform.windows.WindowsPasswordField;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        String hardwareId = firmware.serial().isEmpty() ? machineId() : firmware.serial();
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

    /**
     * Who is signed in and whether the screen is locked, as this platform can tell.
     * <ul>
     *   <li>Linux/X11: a keyboard grab held by another client (every X11 screen locker takes one), checked
     *       at every look; and, where systemd-logind runs, the session's user, whether it is the one in
     *       front (fast user switching) and its LockedHint.</li>
     *   <li>macOS: the owner of /dev/console is the user at the screen; the login window and lock screen
     *       switch secure input on, which {@link #secretInputSignal()} reads.</li>
     *   <li>Windows: the agent's own user (capture runs per user session); the lock screen and credential
     *       prompts are on the secure desktop, whose keys a user-session hook never receives.</li>
     * </ul>
     */
    public SessionSignals sessionSignals(String initialUser) {
        List<LockSignal> signals = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        UserSource users = () -> initialUser;
        if (isMac()) {
            users = this::consoleOwner;
        } else if (!isWindows()) {
            if (displayProblem().isEmpty()) {
                X11KeyboardGrab.open(KnownLockers.linux()).ifPresent(grab -> {
                    signals.add(grab);
                    resources.add(grab);
                });
            }
            var logind = LogindSession.open(env, LogindSession.processCommand(), System::nanoTime);
            if (logind.isPresent()) {
                signals.add(logind.get());
                users = logind.get();
            }
        }
        return new SessionSignals(new DesktopSession(users, signals, initialUser), secretInputSignal(), resources);
    }

    /**
     * The platform's password-field signal. Native code for one OS is only ever loaded on that OS; if it
     * cannot be loaded there, the signal fails closed (capture of typed text pauses, with a warning).
     * Linux has none in use: see {@link SecretInputSignal}.
     */
    public SecretInputSignal secretInputSignal() {
        try {
            if (isMac()) {
                return MacSecureInput.load();
            }
            if (isWindows()) {
                return new WindowsPasswordField(new UiAutomationFocus());
            }
            return SecretInputSignal.NONE;
        } catch (RuntimeException | LinkageError e) {
            return unavailable(isMac() ? "macOS secure input" : "Windows UI Automation", e);
        }
    }

    private static SecretInputSignal unavailable(String name, Throwable cause) {
        return new SecretInputSignal() {
            @Override
            public boolean active() {
                throw new IllegalStateException(name + " could not be loaded: " + cause, cause);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** macOS: the user at the screen owns /dev/console (root while the login window shows). */
    String consoleOwner() {
        try {
            String owner = Files.getOwner(Path.of("/dev/console")).getName();
            return owner.equals("root") ? "" : owner; // the login window: keep the last user until someone signs in
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }

    private boolean isMac() {
        return system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
    }

    private boolean isWindows() {
        return system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
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

    /**
     * The fallback hardware id, marked {@code machine-id:} so the console never takes it for a firmware serial:
     * a re-image writes a new machine id (so it cannot recognise a re-imaged laptop), and cloned images or test
     * machines can share one (so trusting it would merge different laptops into one record).
     */
    String machineId() {
        String id = hardwareId();
        return id.isEmpty() ? "" : MACHINE_ID_PREFIX + id;
    }

    static final String MACHINE_ID_PREFIX = "machine-id:";

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
