package io.vigil.console.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every policy must pass whatever its format says: printable text, lines of a sane length. The
 * filter-policy module's parser adds the format's own rules on top ({@link VfpPolicyValidator}).
 */
public final class BasicPolicyChecks implements PolicyValidator {

    static final int MAX_LINE_CHARS = 4000;

    @Override
    public List<PolicyProblem> validate(String fileName, String document) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<String> lines = document.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > MAX_LINE_CHARS) {
                problems.add(new PolicyProblem(fileName, i + 1, "line is " + line.length() + " characters; at most "
                        + MAX_LINE_CHARS));
            }
            if (line.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                problems.add(new PolicyProblem(fileName, i + 1, "control character in the line"));
            }
        }
        return problems;
    }
}
