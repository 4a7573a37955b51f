package io.vigil.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * systemd's own checker on our unit files, without systemd running (CI has none as PID 1). Its exit code is 0
 * even for an unknown key or an unparsable value ("... ignoring."), so the answer is its output: every line
 * that names one of our units is a problem. Lines about other units it loaded as dependencies are the
 * machine's, not ours.
 */
final class SystemdVerify {

    private SystemdVerify() {
    }

    static Optional<Path> tool() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path p = Path.of(dir, "systemd-analyze");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * @param user   a user unit ({@code --user}); it needs a runtime directory, given a fresh one under logs
     * @return the lines about our units (empty: systemd accepts the file as it is)
     */
    static List<String> problems(Path tool, Path unit, boolean user, Path logs) {
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        if (user) {
            command.add("--user");
        }
        command.addAll(List.of("verify", unit.toString()));
        Path runtime = logs.resolve("xdg-runtime-" + System.nanoTime());
        try {
            Files.createDirectories(runtime);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String output;
        try (JavaProcess p = JavaProcess.startCommand(logs.resolve("systemd-analyze-" + unit.getFileName() + "-"
                + System.nanoTime() + ".log"), command, env -> env.put("XDG_RUNTIME_DIR", runtime.toString()))) {
            p.awaitExit(Duration.ofSeconds(60));
            output = p.output();
        }
        return output.lines().filter(line -> line.contains("vigil")).toList();
    }
}
