package io.vigil.console.demo;

import io.vigil.console.domain.ConsoleException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the agent jar for the demo: beside the console jar (a release), or in a development checkout. */
public final class AgentJarLocator {

    static final String AGENT_JAR = "vigil-agent.jar";

    private AgentJarLocator() {
    }

    public static Path locate(Optional<Path> explicit, Path consoleJarDir) {
        if (explicit.isPresent()) {
            Path jar = explicit.get().toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new ConsoleException("--agent-jar " + jar + " does not exist or is not a file");
            }
            return jar;
        }
        List<Path> candidates = candidates(consoleJarDir);
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new ConsoleException(
                "cannot find the agent jar; looked for " + candidates + ". Build it (./mvnw -pl agent package)"
                        + " or pass --agent-jar PATH"));
    }

    static List<Path> candidates(Path consoleJarDir) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(consoleJarDir.resolve(AGENT_JAR).normalize());
        candidates.add(consoleJarDir.resolve("../../agent/target").resolve(AGENT_JAR).normalize());
        return candidates;
    }

    /** The directory of the running console jar (or of target/classes when run from an IDE). */
    public static Path consoleJarDir(Class<?> anchor) {
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.getParent().toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
