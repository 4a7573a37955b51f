package io.vigil.console.web.view;

import io.vigil.console.domain.School;
import io.vigil.console.lists.DeviceListStatus;
import io.vigil.console.lists.ListChange;
import io.vigil.console.policy.PolicyChangeEntry;
import java.util.List;

/**
 * The keyword-list page: upload, emergency block, the shared change log (keyword-list changes with each diff and
 * retro-test counts, never pupils' words; filter-policy changes with the lines they add and remove), and what each
 * device runs.
 *
 * @param manage  whether the upload and emergency forms are shown (lists.publish)
 * @param approve whether school-change approval buttons are shown (changes.approve)
 */
public record ListsView(String username, boolean manage, boolean approve, List<School> schools,
                        List<ListChange> changes, List<PolicyChangeEntry> policyChanges,
                        List<DeviceListStatus> devices, String notice, List<String> problems) {
}
