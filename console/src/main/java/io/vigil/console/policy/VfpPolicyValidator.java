package io.vigil.console.policy;

import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import io.vigil.filter.format.ListSource;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates an upload with the same parser the agents enforce with (the filter-policy module), so the console
 * never signs a policy a device would refuse. A pushed policy is one document: it may name the built-in lists
 * ({@code builtin:…}) but not list files, which the devices would not have.
 */
public final class VfpPolicyValidator implements PolicyValidator {

    /** The parser reports {@code file:line: problem}. */
    private static final Pattern LOCATED = Pattern.compile("^(.*?):(\\d+): (.*)$", Pattern.DOTALL);

    private final PolicyValidator basics = new BasicPolicyChecks();

    @Override
    public List<PolicyProblem> validate(String fileName, String document) {
        List<PolicyProblem> problems = new ArrayList<>(basics.validate(fileName, document));
        try {
            FilterPolicy.parse(fileName, document, ListSource.none());
        } catch (PolicyException e) {
            e.problems().forEach(p -> problems.add(located(fileName, p)));
        }
        return problems;
    }

    private static PolicyProblem located(String fileName, String problem) {
        Matcher m = LOCATED.matcher(problem);
        if (m.matches()) {
            return new PolicyProblem(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }
        return new PolicyProblem(fileName, 1, problem);
    }
}
