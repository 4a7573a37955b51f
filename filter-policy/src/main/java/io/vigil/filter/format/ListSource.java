package io.vigil.filter.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the category lists a policy names come from: the policy's directory on the agent, the files of an
 * uploaded bundle in the console, or nowhere (a policy that names only built-in lists).
 */
@FunctionalInterface
public interface ListSource {

    /** The text of {@code relativePath}, or {@code null} when there is no such file. */
    String read(String relativePath) throws IOException;

    static ListSource none() {
        return path -> null;
    }

    static ListSource of(Map<String, String> files) {
        return files::get;
    }

    /** Files under {@code dir}; a path that leaves it (absolute, or through "..") is treated as absent. */
    static ListSource directory(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return path -> {
            Path p = root.resolve(path).normalize();
            if (!p.startsWith(root) || !Files.isRegularFile(p)) {
                return null;
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        };
    }
}
