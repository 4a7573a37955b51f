package io.vigil.agent.filter;

import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last good policy on disk so a restart enforces it before the console is reachable. Each version is
 * written to its own directory and only then named in {@code CURRENT} (replaced atomically), so a crash while
 * saving leaves the previous policy in force; only validated policies are ever saved.
 */
public final class PolicyStore {

    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);
    private static final String CURRENT = "CURRENT";

    private final Path dir;

    public PolicyStore(Path dir) {
        this.dir = dir;
    }

    public record Stored(String version, FilterPolicy policy) {
    }

    /** The last good policy, or empty on first start (or if the saved copy became unreadable, which is logged). */
    public Optional<Stored> load() {
        Path pointer = dir.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(pointer, StandardCharsets.UTF_8).split("\n");
            Path versionDir = dir.resolve(lines[0].strip());
            String version = Files.readString(versionDir.resolve("VERSION"), StandardCharsets.UTF_8).strip();
            return Optional.of(new Stored(version, FilterPolicy.load(versionDir.resolve(lines[1].strip()))));
        } catch (IOException | PolicyException | RuntimeException e) {
            log.error("the saved filter policy in {} is unreadable ({}); enforcing the built-in default until "
                    + "the console sends a policy", dir, e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves a validated document as the new last good policy. */
    public void save(PolicyDocument doc) throws IOException {
        Files.createDirectories(dir);
        String name = "v" + System.nanoTime();
        Path versionDir = dir.resolve(name);
        for (Map.Entry<String, String> f : doc.files().entrySet()) {
            Path target = versionDir.resolve(f.getKey()).normalize();
            if (!target.startsWith(versionDir)) {
                throw new IOException("file name " + f.getKey() + " leaves the policy directory");
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(versionDir.resolve("VERSION"), doc.version(), StandardCharsets.UTF_8);
        Path tmp = dir.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, name + "\n" + doc.policyFile() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        removeOlderThan(name);
    }

    private void removeOlderThan(String keep) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("v")
                    && !p.getFileName().toString().equals(keep)).toList()) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }
}
