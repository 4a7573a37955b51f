package io.vigil.console.web.view;

import io.vigil.console.domain.School;
import io.vigil.console.policy.DnsCoverage;
import io.vigil.console.policy.PublishedPolicy;
import java.util.List;

/**
 * The filter policy page: the schools the user may publish for, recent versions, and the outcome of an upload.
 *
 * @param notice   what just happened, or null
 * @param problems every problem of a refused upload as file:line, empty otherwise
 * @param draft    the refused text, given back so it can be corrected
 * @param uploaded what of the policy just uploaded the devices cannot enforce (nothing when none was)
 * @param live     the schools' live policies with entries the devices cannot enforce
 */
public record PolicyView(String username, List<School> schools, List<PublishedPolicy> versions, String notice,
                         List<String> problems, String draft, DnsCoverage uploaded, List<LiveLimits> live) {

    public record LiveLimits(String school, String version, DnsCoverage coverage) {
    }

    /** The approvers' page: changes waiting for a second person. */
    public record Changes(String username, List<Pending> pending, String notice) {
    }

    public record Pending(long id, long schoolId, String fileName, String requestedBy, String requestedAt,
                          String document) {
    }
}
