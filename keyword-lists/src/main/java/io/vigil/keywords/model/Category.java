package io.vigil.keywords.model;

import java.util.List;

/**
 * One entry of {@code categories.txt}: the registry the validator checks {@code @category} against.
 *
 * @param risks          the "4 Cs" of online risk the category concerns (KCSIE's content, contact, conduct,
 *                       commerce), at least one, in the order written
 * @param illegalContent whether the category concerns content that is illegal in itself (e.g. indecent images
 *                       of children, terrorist material), which changes what a school must do with it
 */
public record Category(String id, String name, String description, List<Risk> risks, boolean illegalContent) {

    /** The four areas of online risk named in Keeping Children Safe in Education. */
    public enum Risk {
        CONTENT, CONTACT, CONDUCT, COMMERCE;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Category {
        risks = List.copyOf(risks);
    }
}
