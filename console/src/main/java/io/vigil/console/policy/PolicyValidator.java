package io.vigil.console.policy;

import java.util.List;

/**
 * Checks a filter policy document before anything is stored or signed. The filter-policy module supplies the
 * real parser; the console only needs the list of problems.
 */
@FunctionalInterface
public interface PolicyValidator {

    /** Every problem found, empty when the document is valid. */
    List<PolicyProblem> validate(String fileName, String document);
}
