package io.vigil.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real X11 desktop for tests: Xvfb on a display number it picks itself (so parallel runs never collide),
 * the openbox window manager (OSHI and xdotool need EWMH), xterm windows with known titles, and real key
 * events typed by xdotool through the XTEST extension, which the keyboard hook sees like a keyboard's.
 */
final class XDesktop implements AutoCloseable {

    static final List<String> TOOLS = List.of("Xvfb", "openbox", "xdotool", "xterm", "xprop");

    private final List<Process> processes = new ArrayList<>();
    private final Path logs;
    final String display;

    private XDesktop(Path logs, String display) {
        this.logs = logs;
        this.display = display;
    }

    /** Tools from {@link #TOOLS} that are not installed; the caller skips with a message naming them. */
    static List<String> missingTools() {
        return TOOLS.stream().filter(tool -> !onPath(tool)).toList();
    }

    static XDesktop start(Path logs) throws IOException {
        Files.createDirectories(logs);
        // -displayfd: the server picks a free display number and writes it once it accepts connections.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                .redirectError(logs.resolve("xvfb.log").toFile()).start();
        String number;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))) {
            number = out.readLine();
        }
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IllegalStateException("Xvfb did not report a display number; see " + logs.resolve("xvfb.log"));
        }
        XDesktop desktop = new XDesktop(logs, ":" + number.strip());
        desktop.processes.add(xvfb);
        desktop.spawn("openbox", "openbox");
        desktop.await("openbox to manage the screen", Duration.ofMinutes(2),
                () -> desktop.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id"));
        return desktop;
    }

    /** Opens an xterm titled exactly {@code title} and returns its X window id once it is mapped. */
    String openWindow(String title) {
        spawn("xterm-" + processes.size(), "xterm", "-T", title, "-n", title);
        String[] id = new String[1];
        await("window '" + title + "' to appear", Duration.ofMinutes(2), () -> {
            String found = run("xdotool", "search", "--onlyvisible", "--name", "^" + posixQuote(title) + "$").strip();
            id[0] = found.isEmpty() ? null : found.lines().findFirst().orElse(null);
            return id[0] != null;
        });
        return id[0];
    }

    /** Brings the window to the front and gives it the keyboard focus; returns once the window manager did. */
    void activate(String windowId) {
        await("window " + windowId + " to become active", Duration.ofMinutes(2), () -> {
            run("xdotool", "windowactivate", "--sync", windowId);
            // openbox sometimes raises a window without giving it the keyboard: ask for the focus too.
            run("xdotool", "windowfocus", "--sync", windowId);
            return run("xdotool", "getactivewindow").strip().equals(windowId)
                    && run("xdotool", "getwindowfocus").strip().equals(windowId);
        });
    }

    /**
     * Types into the focused window with real (XTEST) key events, then Enter. Not {@code xdotool type --window}:
     * that sends synthetic events with XSendEvent, which a keyboard hook (XRecord) never sees and xterm ignores.
     */
    void typeLine(String text) {
        run("xdotool", "type", "--delay", "25", text);
        run("xdotool", "key", "Return");
    }

    String run(String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("DISPLAY", display);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("still running after 30 s: " + List.of(command));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void spawn(String logName, String... command) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logs.resolve(logName + ".log").toFile());
            pb.environment().put("DISPLAY", display);
            processes.add(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + List.of(command), e);
        }
    }

    static void await(String what, Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            JavaProcess.sleep(100);
        }
    }

    /** xdotool matches names with POSIX extended regexes, which have no \\Q...\\E quoting. */
    private static String posixQuote(String text) {
        return text.replaceAll("([.\\[\\]{}()*+?^$|\\\\])", "\\\\$1");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.destroy();
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
