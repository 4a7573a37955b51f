package io.vigil.agent.filter;

import java.util.Map;
import java.util.Objects;

/**
 * A filter policy as delivered: its version, the name of the {@code .vfp} file and every file of the bundle
 * (the policy and the category lists it names), by relative path. The signed-push receiver verifies the
 * signature and hands this to {@link FilterEngine#apply}.
 */
public record PolicyDocument(String version, String policyFile, Map<String, String> files) {

    public PolicyDocument {
        Objects.requireNonNull(version);
        Objects.requireNonNull(policyFile);
        files = Map.copyOf(files);
    }

    public String policyText() {
        return files.get(policyFile);
    }
}
